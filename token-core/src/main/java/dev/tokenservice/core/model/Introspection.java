package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an introspection request (RFC 7662 §2.2). An inactive answer says nothing else, whether the
 * token expired, was revoked or never existed.
 */
public record Introspection(
        boolean active,
        @Nullable TokenTypeHint tokenType,
        @Nullable ClientId clientId,
        @Nullable Username username,
        @Nullable Scope scope,
        @Nullable Instant issuedAt,
        @Nullable Instant expiresAt) {

    public static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null, null);

    public Introspection {
        if (active) {
            Objects.requireNonNull(tokenType, "tokenType");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    public static Introspection of(AccessToken token) {
        return new Introspection(true, TokenTypeHint.ACCESS_TOKEN, token.clientId(), token.username(),
                token.scope(), token.issuedAt(), token.expiresAt());
    }

    public static Introspection of(RefreshToken token) {
        return new Introspection(true, TokenTypeHint.REFRESH_TOKEN, token.clientId(), token.username(),
                token.scope(), token.issuedAt(), token.expiresAt());
    }
}
