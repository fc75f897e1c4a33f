package dev.tokenservice.http.jwt;

import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The public signing keys of JWT access tokens, {@code GET /.well-known/jwks.json} (RFC 7517 §5, the metadata's
 * {@code jwks_uri}): the key that signs, the keys that signed tokens still live, and the next key once a rotation is
 * under way. Resource servers may cache it for {@value #MAX_AGE_SECONDS} seconds, well within the time a new key is
 * published before it signs. Without signing keys (a server that issues opaque tokens only) the set is empty.
 * Thread-safe.
 */
public final class JwksServlet extends HttpServlet {
    static final int MAX_AGE_SECONDS = 300;
    private static final long serialVersionUID = 1L;
    private static final String ALLOW = "GET";
    private static final Map<String, Object> NO_KEYS = Map.of("keys", List.of());

    private final transient @Nullable SigningKeys keys;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public JwksServlet(@Nullable SigningKeys keys, ErrorResponses errors, JsonWriter json) {
        this.keys = keys;
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ALLOW.equals(request.getMethod())) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), ALLOW));
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
        json.write(response, HttpServletResponse.SC_OK, keys == null ? NO_KEYS : keys.publicJwkSet());
    }
}
