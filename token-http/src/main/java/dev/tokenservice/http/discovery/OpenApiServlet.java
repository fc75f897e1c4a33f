package dev.tokenservice.http.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.ForwardedBaseUrl;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of the whole HTTP API, as kept in the repository
 * ({@value #RESOURCE} on the class path), with one server added: the issuer, so that a client generated from the
 * served document calls this server (for a request that a trusted proxy forwarded while no issuer is configured, the
 * base URL it forwarded: {@link ForwardedBaseUrl}). Read once. Thread-safe.
 */
public final class OpenApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The document on the class path. */
    static final String RESOURCE = "/dev/tokenservice/http/openapi.json";
    private static final String ALLOW = "GET";

    private final transient ObjectNode kept;
    private final transient ObjectNode document;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public OpenApiServlet(MetadataSettings settings, ErrorResponses errors, JsonWriter json) {
        // The repository's document, parsed once per JVM and never changed: each server copies it before adding its own.
        this.kept = Repository.DOCUMENT;
        this.document = withServer(kept, Objects.requireNonNull(settings, "settings").issuer());
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The document as kept in the repository (a copy of its own). */
    static ObjectNode document() {
        return Repository.DOCUMENT.deepCopy();
    }

    /** Read once per JVM: a process that starts several servers (a test suite) parses the document once. */
    private static final class Repository {
        static final ObjectNode DOCUMENT = read();

        private Repository() { }
    }

    private static ObjectNode read() {
        ObjectMapper mapper = JsonMappers.create();
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A copy of the document with {@code servers} right after {@code info}, where readers look for it. */
    private static ObjectNode withServer(ObjectNode document, String issuer) {
        ObjectNode served = document.objectNode();
        document.properties().forEach(field -> {
            served.set(field.getKey(), field.getValue().deepCopy());
            if (field.getKey().equals("info")) {
                served.putArray("servers").addObject().put("url", issuer).put("description", "this server");
            }
        });
        return served;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ALLOW.equals(request.getMethod())) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), ALLOW));
            return;
        }
        json.write(response, HttpServletResponse.SC_OK,
                ForwardedBaseUrl.of(request).map(base -> withServer(kept, base)).orElse(document));
    }
}
