package dev.tokenservice.http.admin;

import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.json.AccessTokenJson;
import dev.tokenservice.http.json.TokenPageJson;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FormDecoder;
import dev.tokenservice.http.web.FormParameters;
import dev.tokenservice.http.web.Headers;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The token administration API under {@code /auth/tokens}, protected by a bearer token (RFC 6750) whose holder has
 * {@link Authority#TOKENS_ADMIN}:
 * {@code GET /auth/tokens} (list), {@code GET /auth/tokens/{username}/{client_id}} (the pair's newest live token),
 * {@code DELETE /auth/tokens?username=&client_id=}, and the earlier {@code DELETE /auth/tokens/{username}/{client_id}}
 * and {@code DELETE /auth/tokens/{username}}. Answers carry {@code Cache-Control: no-store} and {@code Pragma:
 * no-cache} (RFC 6749 §5.1): the single view holds a token value. Thread-safe.
 */
public final class TokenAdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final List<String> GET_AND_DELETE = List.of("GET", "DELETE");
    private static final List<String> DELETE_ONLY = List.of("DELETE");

    private final transient BearerAuthorization bearer;
    private final transient TokenAdministration administration;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public TokenAdminServlet(TokenAdministration administration, ErrorResponses errors, JsonWriter json) {
        this.bearer = new BearerAuthorization(administration, errors);
        this.administration = Objects.requireNonNull(administration, "administration");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.NO_STORE.forEach(response::setHeader);
        Optional<AdminPath> path;
        try {
            path = AdminPath.parse(request.getRequestURI());
        } catch (OAuthException e) {
            errors.write(response, errors.badRequest(e));
            return;
        }
        if (path.isEmpty()) {
            errors.write(response, errors.notFound("no such resource"));
            return;
        }
        // One segment is only an earlier delete path; the collection and the pair also answer GET.
        List<String> allowed = path.get().segments().size() == 1 ? DELETE_ONLY : GET_AND_DELETE;
        String method = request.getMethod();
        if (!allowed.contains(method)) {
            errors.write(response, errors.methodNotAllowed(method, String.join(", ", allowed)));
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
            handle(admin, method, path.get().segments(), FormDecoder.decodeQuery(request.getQueryString()), response);
        } catch (OAuthException e) {
            errors.write(response, errors.badRequest(e));
        }
    }

    private void handle(Administrator admin, String method, List<String> segments, FormParameters query,
            HttpServletResponse response) throws IOException {
        if (method.equals("GET") && segments.isEmpty()) {
            json.write(response, HttpServletResponse.SC_OK,
                    TokenPageJson.from(administration.list(admin, AdminQueryParser.listQuery(query))));
        } else if (method.equals("GET")) {
            Optional<AccessTokenJson> latest = administration
                    .findLatest(admin, Username.of(segments.get(0)), ClientId.of(segments.get(1)))
                    .map(AccessTokenJson::from);
            if (latest.isPresent()) {
                json.write(response, HttpServletResponse.SC_OK, latest.get());
            } else {
                errors.write(response, errors.notFound("no live token for this username and client"));
            }
        } else {
            administration.revoke(admin, segments.isEmpty() ? AdminQueryParser.deleteQuery(query) : selector(segments));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }

    private static HolderSelector selector(List<String> segments) {
        Username username = Username.of(segments.get(0));
        return segments.size() == 2
                ? HolderSelector.pair(ClientId.of(segments.get(1)), username)
                : HolderSelector.user(username);
    }
}
