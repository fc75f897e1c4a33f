package dev.tokenservice.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;

/**
 * A successful token response (RFC 6749 §5.1), the Knetik API model {@code OAuth2Resource}:
 * {@code access_token}, {@code token_type}, {@code expires_in} (a JSON integer), {@code scope}, and
 * {@code refresh_token} only when one was issued.
 */
public record TokenResponseJson(
        String accessToken,
        String tokenType,
        long expiresIn,
        String scope,
        @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken) {

    public static TokenResponseJson from(TokenResponse response) {
        return new TokenResponseJson(response.accessToken().value(), response.tokenType(),
                response.expiresIn().getSeconds(), response.scope().toString(),
                response.refreshToken() == null ? null : response.refreshToken().value());
    }

    /** Never prints the token values. */
    @Override
    public String toString() {
        return "TokenResponseJson[token_type=" + tokenType + ", expires_in=" + expiresIn + ", scope=" + scope + "]";
    }
}
