package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored access token: metadata, the digest of its value, and optionally its value sealed under the token key.
 *
 * @param id        non-secret identifier
 * @param digest    SHA-256 of the value: the lookup key
 * @param sealed    the value encrypted under the server's token key; {@code null} when sealing is off
 * @param clientId  the client it was issued to
 * @param username  the resource owner; {@code null} for a token issued to the client alone
 * @param scope     granted scope
 * @param issuedAt  issue time
 * @param expiresAt expiry time (exclusive: the token is dead at this instant)
 * @param familyId  the refresh-token family it was issued with; {@code null} when no refresh token came with it
 */
public record AccessToken(
        TokenId id,
        TokenDigest digest,
        @Nullable SealedToken sealed,
        ClientId clientId,
        @Nullable Username username,
        Scope scope,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable FamilyId familyId) {

    public AccessToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The administration view of this token: everything but its digest and sealed value. */
    public TokenSummary summary() {
        return new TokenSummary(id, clientId, username, scope, issuedAt, expiresAt);
    }
}
