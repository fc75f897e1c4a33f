package dev.tokenservice.http.clients;

import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.ClientAdministration;
import dev.tokenservice.core.ClientAdministration.Registration;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.http.json.ClientJson;
import dev.tokenservice.http.json.ClientPageJson;
import dev.tokenservice.http.json.ClientRequestJson;
import dev.tokenservice.http.json.ClientSecretJson;
import dev.tokenservice.http.json.SecretRotationJson;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FormDecoder;
import dev.tokenservice.http.web.FormParameters;
import dev.tokenservice.http.web.Headers;
import dev.tokenservice.http.web.JsonReader;
import dev.tokenservice.http.web.JsonWriter;
import dev.tokenservice.http.web.MediaTypes;
import dev.tokenservice.http.web.PayloadTooLargeException;
import dev.tokenservice.http.web.RequestBodies;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client administration API under {@code /auth/clients}, protected by a bearer token (RFC 6750) whose holder has
 * {@link Authority#TOKENS_ADMIN}:
 * <ul>
 *   <li>{@code GET /auth/clients?size=&after=}: a page of clients in id order;</li>
 *   <li>{@code POST /auth/clients}: register a client; {@code 201} with its generated secret, shown this once;</li>
 *   <li>{@code GET /auth/clients/{client_id}}: one client, never its secret;</li>
 *   <li>{@code PUT /auth/clients/{client_id}}: replace its settings (grant types, scopes, authorities, lifetimes,
 *       issuance policy);</li>
 *   <li>{@code DELETE /auth/clients/{client_id}}: delete it and revoke its tokens;</li>
 *   <li>{@code POST /auth/clients/{client_id}/secret}: rotate its secret, optionally with a grace period.</li>
 * </ul>
 * Bodies are JSON ({@code application/json}). Answers carry {@code Cache-Control: no-store}: two of them hold a secret.
 * Thread-safe.
 */
public final class ClientAdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The largest body accepted. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final String SECRET = "secret";

    private final transient BearerAuthorization bearer;
    private final transient ClientAdministration clients;
    private final transient ErrorResponses errors;
    private final transient JsonReader reader;
    private final transient JsonWriter json;

    public ClientAdminServlet(TokenAdministration administration, ClientAdministration clients, ErrorResponses errors,
            JsonReader reader, JsonWriter json) {
        this.bearer = new BearerAuthorization(administration, errors);
        this.clients = Objects.requireNonNull(clients, "clients");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<List<String>> path;
        try {
            path = ResourcePath.below(EndpointPaths.CLIENTS, request.getRequestURI());
        } catch (OAuthException e) {
            errors.write(response, errors.badRequest(e));
            return;
        }
        if (path.isEmpty() || path.get().size() > 2 || path.get().size() == 2 && !path.get().get(1).equals(SECRET)) {
            errors.write(response, errors.notFound("no such resource"));
            return;
        }
        String allowed = switch (path.get().size()) {
            case 0 -> "GET, POST";
            case 1 -> "GET, PUT, DELETE";
            default -> "POST";
        };
        String method = request.getMethod();
        if (!List.of(allowed.split(", ")).contains(method)) {
            errors.write(response, errors.methodNotAllowed(method, allowed));
            return;
        }
        Administrator admin;
        try {
            admin = bearer.administrator(Headers.single(request, Headers.AUTHORIZATION));
        } catch (OAuthException e) {
            errors.write(response, errors.malformedBearer(e));
            return;
        } catch (BearerAuthorization.Refused refused) {
            errors.write(response, refused.reply());
            return;
        }
        try {
            List<String> segments = path.get();
            if (segments.isEmpty()) {
                if (method.equals("GET")) {
                    list(admin, FormDecoder.decodeQuery(request.getQueryString()), response);
                } else {
                    create(admin, reader.read(body(request, false), ClientRequestJson.class), response);
                }
            } else {
                ClientId clientId = ClientId.of(segments.get(0));
                if (segments.size() == 2) {
                    rotate(admin, clientId, reader.read(body(request, true), SecretRotationJson.class), response);
                } else if (method.equals("GET")) {
                    found(response, clients.find(admin, clientId).map(ClientJson::from));
                } else if (method.equals("PUT")) {
                    update(admin, clientId, reader.read(body(request, false), ClientRequestJson.class), response);
                } else if (clients.delete(admin, clientId)) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    errors.write(response, errors.notFound("no such client"));
                }
            }
        } catch (OAuthException e) {
            errors.write(response, errors.badRequest(e));
        } catch (PayloadTooLargeException e) {
            errors.write(response, errors.payloadTooLarge(MAX_BODY_BYTES));
        }
    }

    private void list(Administrator admin, FormParameters query, HttpServletResponse response) throws IOException {
        int size = size(query.get("size").orElse(null));
        Optional<String> afterText = query.get("after");
        if (afterText.isPresent() && afterText.get().isBlank()) {
            throw OAuthException.invalidRequest("after must be a client_id");
        }
        ClientId after = afterText.map(ClientId::of).orElse(null);
        List<Client> page = clients.list(admin, after, size);
        String nextAfter = page.size() < size ? null : page.get(page.size() - 1).clientId().value();
        json.write(response, HttpServletResponse.SC_OK,
                new ClientPageJson(page.stream().map(ClientJson::from).toList(), nextAfter));
    }

    private void create(Administrator admin, ClientRequestJson request, HttpServletResponse response)
            throws IOException {
        if (request.clientId() == null || request.clientId().isBlank()) {
            throw OAuthException.invalidRequest("client_id is required");
        }
        boolean confidential = request.confidential() == null || request.confidential();
        Optional<Registration> created = clients.create(admin, ClientId.of(request.clientId()),
                ClientRequestParser.settings(request), confidential);
        if (created.isEmpty()) {
            errors.write(response, errors.conflict("a client with this client_id exists"));
            return;
        }
        response.setHeader("Location", EndpointPaths.CLIENTS + "/" + PathSegments.encode(request.clientId()));
        json.write(response, HttpServletResponse.SC_CREATED, ClientSecretJson.from(created.get()));
    }

    private void update(Administrator admin, ClientId clientId, ClientRequestJson request, HttpServletResponse response)
            throws IOException {
        if (request.clientId() != null && !request.clientId().equals(clientId.value())) {
            throw OAuthException.invalidRequest("client_id in the body differs from the path");
        }
        if (request.confidential() != null) {
            throw OAuthException.invalidRequest("confidential cannot change; register a new client instead");
        }
        found(response, clients.update(admin, clientId, ClientRequestParser.settings(request)).map(ClientJson::from));
    }

    private void rotate(Administrator admin, ClientId clientId, SecretRotationJson request,
            HttpServletResponse response) throws IOException {
        long grace = request.gracePeriod() == null ? 0 : request.gracePeriod();
        if (grace < 0) {
            throw OAuthException.invalidRequest("grace_period must not be negative");
        }
        found(response, clients.rotateSecret(admin, clientId, Duration.ofSeconds(grace)).map(ClientSecretJson::from));
    }

    private void found(HttpServletResponse response, Optional<?> body) throws IOException {
        if (body.isPresent()) {
            json.write(response, HttpServletResponse.SC_OK, body.get());
        } else {
            errors.write(response, errors.notFound("no such client"));
        }
    }

    /** The JSON body; an empty one only when {@code optional}. */
    private static byte[] body(HttpServletRequest request, boolean optional)
            throws IOException, PayloadTooLargeException {
        byte[] body = RequestBodies.read(request, MAX_BODY_BYTES);
        if (body.length == 0 && optional) {
            return body;
        }
        if (!MediaTypes.isJson(request.getContentType())) {
            throw OAuthException.invalidRequest("the body must be application/json");
        }
        if (body.length == 0) {
            throw OAuthException.invalidRequest("the body must be a JSON object");
        }
        return body;
    }

    private static int size(String text) {
        if (text == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw OAuthException.invalidRequest("size must be a whole number");
        }
    }
}
