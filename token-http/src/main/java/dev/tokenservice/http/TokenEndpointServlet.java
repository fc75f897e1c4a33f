package dev.tokenservice.http;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.http.json.TokenResponseJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The token endpoint (RFC 6749 §3.2), served at {@code POST /oauth/token} and {@code POST /token}: parse, issue,
 * write. Every answer carries {@code Cache-Control: no-store} and {@code Pragma: no-cache}. Thread-safe.
 */
public final class TokenEndpointServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ALLOW = "POST";

    private final transient TokenService tokens;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public TokenEndpointServlet(TokenService tokens, ErrorResponses errors, JsonWriter json) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ALLOW.equals(request.getMethod())) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), ALLOW).withNoStore());
            return;
        }
        boolean basicAttempted = false;
        try {
            Optional<String> authorization = Headers.single(request, Headers.AUTHORIZATION);
            basicAttempted = ClientAuthenticationParser.attemptsBasic(authorization);
            byte[] body = RequestBodies.read(request, RequestBodies.MAX_FORM_BYTES);
            TokenRequest tokenRequest = TokenRequestParser.parse(
                    request.getContentType(), authorization, request.getQueryString(), body);
            TokenResponse issued = tokens.issue(tokenRequest);
            ErrorResponses.NO_STORE.forEach(response::setHeader);
            json.write(response, HttpServletResponse.SC_OK, TokenResponseJson.from(issued));
        } catch (OAuthException e) {
            errors.write(response, errors.tokenError(e, basicAttempted));
        } catch (PayloadTooLargeException e) {
            errors.write(response, errors.payloadTooLarge(RequestBodies.MAX_FORM_BYTES).withNoStore());
        }
    }
}
