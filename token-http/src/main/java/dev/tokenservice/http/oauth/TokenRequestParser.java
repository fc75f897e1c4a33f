package dev.tokenservice.http.oauth;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.http.web.FormParameters;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the raw parts of a token endpoint request (RFC 6749 §3.2) into a {@link TokenRequest}: the body must be
 * {@code application/x-www-form-urlencoded} UTF-8, every parameter appears at most once and within its length
 * limit, no parameter travels in the query string (credentials there would leak into logs), and the client's
 * credentials come from exactly one method. Every failure is an {@link OAuthException}, mostly
 * {@code invalid_request}. Stateless, thread-safe; testable without a container.
 */
final class TokenRequestParser {
    static final String GRANT_TYPE = "grant_type";

    /** The limit of {@code token}: the tokens of third-party grants (often JWTs) are longer than ours. */
    static final int MAX_TOKEN_LENGTH = 8192;

    /** Limits on known parameters, in characters after decoding; 2048 for any other (extension grants read their own). */
    private static final FormRequestParser FORM = new FormRequestParser(Map.of(
            GRANT_TYPE, 128,
            ClientAuthenticationParser.CLIENT_ID, ClientAuthenticationParser.MAX_CLIENT_ID_LENGTH,
            ClientAuthenticationParser.CLIENT_SECRET, ClientAuthenticationParser.MAX_SECRET_LENGTH,
            TokenRequest.USERNAME, 256,
            TokenRequest.PASSWORD, 1024,
            TokenRequest.SCOPE, 1024,
            TokenRequest.REFRESH_TOKEN, 512,
            TokenRequest.TOKEN, MAX_TOKEN_LENGTH), 2048);

    private TokenRequestParser() { }

    /**
     * Parses a token request.
     *
     * @param contentType   the {@code Content-Type} header, or {@code null}
     * @param authorization the {@code Authorization} header, if any
     * @param rawQuery      the raw query string, or {@code null}
     * @param body          the request body, already bounded by the caller
     */
    static TokenRequest parse(String contentType, Optional<String> authorization, String rawQuery, byte[] body) {
        FormParameters form = FORM.parse(contentType, rawQuery, body);
        String grantType = form.get(GRANT_TYPE)
                .orElseThrow(() -> OAuthException.invalidRequest("grant_type is required"));
        // RFC 6749 Appendix A.10: a grant name or a URI, so never blank and never with spaces.
        if (!grantType.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw OAuthException.invalidRequest("grant_type is malformed");
        }
        if (form.get(TokenRequest.USERNAME).filter(String::isBlank).isPresent()) {
            throw OAuthException.invalidRequest("username must not be blank");
        }
        ClientAuthentication client = ClientAuthenticationParser.parse(authorization, form);
        Map<String, String> parameters = new HashMap<>(form.values());
        parameters.remove(GRANT_TYPE);
        parameters.remove(ClientAuthenticationParser.CLIENT_ID);
        parameters.remove(ClientAuthenticationParser.CLIENT_SECRET);
        return new TokenRequest(GrantType.of(grantType), client, parameters);
    }
}
