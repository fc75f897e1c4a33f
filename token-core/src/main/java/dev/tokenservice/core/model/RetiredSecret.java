package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A client secret replaced by a rotation that is still accepted for a grace period, so that the servers using it can
 * move to the new secret without an outage.
 *
 * @param hash      the hash of the replaced secret
 * @param expiresAt the first instant at which it is no longer accepted
 */
public record RetiredSecret(SecretHash hash, Instant expiresAt) {
    public RetiredSecret {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isAcceptedAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
