package dev.tokenservice.http.oauth;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FailurePacing;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

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

    private final transient TokenService tokens;
    private final transient ClientFormEndpoint endpoint;

    /** @param pacing how soon a failed client authentication is answered */
    public RevocationServlet(TokenService tokens, ErrorResponses errors, FailurePacing pacing) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.endpoint = new ClientFormEndpoint(errors, pacing);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.serve(request, response, (authorization, body) -> {
            tokens.revoke(TokenParameterParser.parseWithClient(
                    request.getContentType(), authorization, request.getQueryString(), body, RevocationRequest::new));
            ErrorResponses.NO_STORE.forEach(response::setHeader);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentLength(0);
        });
    }
}
