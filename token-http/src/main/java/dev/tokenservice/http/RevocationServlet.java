package dev.tokenservice.http;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenService;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation endpoint (RFC 7009), {@code POST /oauth/revoke}: the client authenticates as at the token endpoint
 * (HTTP Basic, or {@code client_id} and {@code client_secret} in the body, or {@code client_id} alone for a public
 * client) and names the token in {@code token}. Success, whether or not the token existed, is {@code 200} with an empty
 * body (RFC 7009 §2.2). Errors are those of the token endpoint (RFC 7009 §2.2.1, RFC 6749 §5.2): {@code invalid_client}
 * {@code 401} (with a Basic challenge when Basic was tried), a token of another client {@code 400 unauthorized_client},
 * a malformed request {@code 400 invalid_request}. Every answer carries {@code Cache-Control: no-store}. Thread-safe.
 */
public final class RevocationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ALLOW = "POST";

    private final transient TokenService tokens;
    private final transient ErrorResponses errors;

    public RevocationServlet(TokenService tokens, ErrorResponses errors) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.errors = Objects.requireNonNull(errors, "errors");
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
            ClientTokenRequest revocation = TokenParameterParser.parseWithClient(
                    request.getContentType(), authorization, request.getQueryString(), body);
            tokens.revoke(revocation.client(), revocation.token());
            ErrorResponses.NO_STORE.forEach(response::setHeader);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentLength(0);
        } catch (OAuthException e) {
            errors.write(response, errors.tokenError(e, basicAttempted));
        } catch (PayloadTooLargeException e) {
            errors.write(response, errors.payloadTooLarge(RequestBodies.MAX_FORM_BYTES).withNoStore());
        }
    }
}
