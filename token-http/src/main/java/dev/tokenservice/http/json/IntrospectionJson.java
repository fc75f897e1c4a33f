package dev.tokenservice.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenTypeHint;
import dev.tokenservice.core.model.Username;
import java.util.Optional;

/**
 * An introspection response (RFC 7662 §2.2). An inactive token is exactly {@code {"active": false}}: nothing tells an
 * expired token from a revoked or unknown one. An active one carries {@code scope} (omitted when empty),
 * {@code client_id}, {@code username} (omitted for a client-only token), {@code token_type} ({@code bearer} for an
 * access token, as in RFC 6749 §5.1; {@code refresh_token} for a refresh token), {@code exp} and {@code iat} (seconds
 * since the epoch) and {@code sub}: the username, or the client id for a client-only token.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntrospectionJson(
        boolean active,
        String scope,
        String clientId,
        String username,
        String tokenType,
        Long exp,
        Long iat,
        String sub) {

    public static final IntrospectionJson INACTIVE = new IntrospectionJson(false, null, null, null, null, null, null, null);
    /** The {@code token_type} of an active refresh token, which RFC 6749 §5.1 gives no name. */
    public static final String REFRESH_TOKEN_TYPE = "refresh_token";

    public static IntrospectionJson from(Introspection introspection) {
        if (!introspection.active()) {
            return INACTIVE;
        }
        String username = Optional.ofNullable(introspection.username()).map(Username::value).orElse(null);
        String clientId = introspection.clientId().value();
        return new IntrospectionJson(true,
                introspection.scope().isEmpty() ? null : introspection.scope().toString(),
                clientId,
                username,
                introspection.tokenType() == TokenTypeHint.ACCESS_TOKEN ? TokenResponse.TOKEN_TYPE : REFRESH_TOKEN_TYPE,
                introspection.expiresAt().getEpochSecond(),
                introspection.issuedAt().getEpochSecond(),
                username != null ? username : clientId);
    }
}
