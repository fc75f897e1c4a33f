package dev.tokenservice.core.model;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A successful token response (RFC 6749 §5.1). The only place a token value leaves the core.
 *
 * @param accessToken  the access token value
 * @param expiresIn    its remaining lifetime
 * @param scope        the granted scope
 * @param refreshToken the refresh token value, or {@code null} when none was issued
 */
public record TokenResponse(TokenValue accessToken, Duration expiresIn, Scope scope, @Nullable TokenValue refreshToken) {
    /** RFC 6750 bearer tokens; written lower case as the Knetik API does (the type is case-insensitive, §5.1). */
    public static final String TOKEN_TYPE = "bearer";

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(scope, "scope");
    }

    public String tokenType() {
        return TOKEN_TYPE;
    }
}
