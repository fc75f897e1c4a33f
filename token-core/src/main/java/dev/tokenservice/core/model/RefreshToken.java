package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored refresh token (RFC 6749 §1.5). Only the digest of its value is kept.
 *
 * @param id        non-secret identifier
 * @param digest    SHA-256 of the value: the lookup key
 * @param clientId  the client it was issued to; only that client may use it (RFC 6749 §6)
 * @param username  the resource owner; {@code null} when an extension grant issued it without one
 * @param scope     the scope of the original grant; a refresh may narrow it, never widen it
 * @param issuedAt  issue time
 * @param expiresAt expiry time (exclusive)
 * @param familyId  the rotation chain it belongs to
 * @param used      true once it has been exchanged; presenting it again is reuse
 * @param familyIssuedAt when the family's first token was issued: the family's absolute lifetime counts from here
 */
public record RefreshToken(
        TokenId id,
        TokenDigest digest,
        ClientId clientId,
        @Nullable Username username,
        Scope scope,
        Instant issuedAt,
        Instant expiresAt,
        FamilyId familyId,
        boolean used,
        Instant familyIssuedAt) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(familyIssuedAt, "familyIssuedAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
        if (familyIssuedAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("familyIssuedAt must not be after issuedAt");
        }
    }

    /** A token that starts its family: the family was issued with it. */
    public RefreshToken(TokenId id, TokenDigest digest, ClientId clientId, @Nullable Username username, Scope scope,
            Instant issuedAt, Instant expiresAt, FamilyId familyId, boolean used) {
        this(id, digest, clientId, username, scope, issuedAt, expiresAt, familyId, used, issuedAt);
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** This token marked as exchanged. */
    public RefreshToken asUsed() {
        return new RefreshToken(id, digest, clientId, username, scope, issuedAt, expiresAt, familyId, true, familyIssuedAt);
    }
}
