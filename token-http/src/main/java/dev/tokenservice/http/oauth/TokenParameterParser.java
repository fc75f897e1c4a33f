package dev.tokenservice.http.oauth;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.http.web.FormParameters;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads the requests that name one token in a {@code token} parameter: revocation (RFC 7009 §2.1) and introspection
 * (RFC 7662 §2.1). The body is read as strictly as the token endpoint's ({@link FormRequestParser}), the client's
 * credentials as there ({@link ClientAuthenticationParser}). {@code token_type_hint} is accepted, whatever its value,
 * and ignored: a value is either an access or a refresh token, so the hint cannot change an answer, and RFC 7009
 * §2.2.1 {@code unsupported_token_type} is only for types a server cannot revoke. Unknown parameters are ignored
 * (RFC 6749 §3.2). Stateless, thread-safe; testable without a container.
 */
final class TokenParameterParser {
    static final String TOKEN = "token";
    static final String TOKEN_TYPE_HINT = "token_type_hint";

    private static final FormRequestParser FORM = new FormRequestParser(Map.of(
            TOKEN, TokenRequestParser.MAX_TOKEN_LENGTH,
            TOKEN_TYPE_HINT, 128,
            ClientAuthenticationParser.CLIENT_ID, ClientAuthenticationParser.MAX_CLIENT_ID_LENGTH,
            ClientAuthenticationParser.CLIENT_SECRET, ClientAuthenticationParser.MAX_SECRET_LENGTH), 2048);

    private TokenParameterParser() { }

    /**
     * A request whose caller authenticates as a client (HTTP Basic, or {@code client_id} and {@code client_secret} in
     * the body, or {@code client_id} alone for a public client).
     *
     * @param contentType   the {@code Content-Type} header, or {@code null}
     * @param authorization the {@code Authorization} header, if any
     * @param rawQuery      the raw query string, or {@code null}
     * @param body          the request body, already bounded by the caller
     * @param request       makes the request of the core from the client's credentials and the token
     * @throws OAuthException {@code invalid_request} for a malformed request or a missing {@code token},
     *                        {@code invalid_client} when no client is named or Basic credentials are malformed
     */
    static <R> R parseWithClient(String contentType, Optional<String> authorization, String rawQuery, byte[] body,
            BiFunction<ClientAuthentication, TokenValue, R> request) {
        FormParameters form = FORM.parse(contentType, rawQuery, body);
        ClientAuthentication client = ClientAuthenticationParser.parse(authorization, form);
        return request.apply(client, token(form));
    }

    /**
     * The token of a request whose caller is already authorized by other means (a bearer token); client credentials
     * in the body as well are {@code invalid_request}: one request, one way to authenticate.
     */
    static TokenValue parseWithoutClient(String contentType, String rawQuery, byte[] body) {
        FormParameters form = FORM.parse(contentType, rawQuery, body);
        if (form.has(ClientAuthenticationParser.CLIENT_ID) || form.has(ClientAuthenticationParser.CLIENT_SECRET)) {
            throw OAuthException.invalidRequest("use one authentication method, not a bearer token and client credentials");
        }
        return token(form);
    }

    private static TokenValue token(FormParameters form) {
        return TokenValue.of(form.get(TOKEN).orElseThrow(() -> OAuthException.invalidRequest("token is required")));
    }
}
