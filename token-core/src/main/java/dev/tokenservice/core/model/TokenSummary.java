package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the administration API may show of an access token: never its value, digest or sealed form. */
public record TokenSummary(
        TokenId id, ClientId clientId, @Nullable Username username, Scope scope, Instant issuedAt, Instant expiresAt) {

    public TokenSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
