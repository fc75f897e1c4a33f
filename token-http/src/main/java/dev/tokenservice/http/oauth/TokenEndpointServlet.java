package dev.tokenservice.http.oauth;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.http.json.TokenResponseJson;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FailurePacing;
import dev.tokenservice.http.web.JsonWriter;
import dev.tokenservice.http.web.ObservedResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * The token endpoint (RFC 6749 §3.2), served at {@code POST /oauth/token} and {@code POST /token}: parse, issue,
 * write. Every answer carries {@code Cache-Control: no-store} and {@code Pragma: no-cache}. Thread-safe.
 */
public final class TokenEndpointServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient TokenService tokens;
    private final transient ClientFormEndpoint endpoint;
    private final transient JsonWriter json;

    /** @param pacing how soon a failed client authentication is answered */
    public TokenEndpointServlet(TokenService tokens, ErrorResponses errors, JsonWriter json, FailurePacing pacing) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.endpoint = new ClientFormEndpoint(errors, pacing);
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.serve(request, response, (authorization, body) -> {
            TokenRequest tokenRequest = TokenRequestParser.parse(
                    request.getContentType(), authorization, request.getQueryString(), body);
            ObservedResponse.recordGrantType(response, tokenRequest.grantType().value());
            TokenResponse issued = tokens.issue(tokenRequest);
            ErrorResponses.NO_STORE.forEach(response::setHeader);
            json.write(response, HttpServletResponse.SC_OK, TokenResponseJson.from(issued));
        });
    }
}
