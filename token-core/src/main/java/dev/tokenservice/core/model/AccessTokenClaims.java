package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a self-contained access token says (RFC 9068 §2.2), as the core decided it; the signer adds what belongs to
 * the server ({@code iss}, {@code aud}, the key id).
 *
 * @param id          the token's identifier ({@code jti}), the same as the stored token's
 * @param clientId    the client it was issued to ({@code client_id})
 * @param username    the resource owner; {@code null} for a token issued to the client alone ({@code sub} is then
 *                    the client id)
 * @param scope       granted scope ({@code scope})
 * @param authorities the user's authorities, or for a client-only token the client's, at issue time
 * @param issuedAt    issue time ({@code iat})
 * @param expiresAt   expiry time ({@code exp})
 */
public record AccessTokenClaims(
        TokenId id,
        ClientId clientId,
        @Nullable Username username,
        Scope scope,
        Set<Authority> authorities,
        Instant issuedAt,
        Instant expiresAt) {

    public AccessTokenClaims {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        authorities = Set.copyOf(authorities);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The token's subject ({@code sub}): the username, or the client id for a client-only token (RFC 9068 §2.2). */
    public String subject() {
        return username != null ? username.value() : clientId.value();
    }
}
