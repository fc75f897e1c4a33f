package dev.tokenservice.persistence;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Builds token pairs for this module's own tests: unique values, one family per pair. */
final class Tokens {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Tokens() {
    }

    /** A fresh token value; its digest is the storage key. */
    static TokenValue newValue() {
        return new TokenValue("value-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime());
    }

    /** An access token and a refresh token of a new family, issued at {@code issuedAt}. */
    static TokenPair pair(String clientId, String username, Instant issuedAt, Duration lifetime) {
        long n = SEQUENCE.incrementAndGet();
        FamilyId family = FamilyId.of("family-" + n);
        return new TokenPair(access(clientId, username, issuedAt, lifetime, family, newValue()),
                refresh(clientId, username, issuedAt, lifetime, family, newValue()));
    }

    static AccessToken access(String clientId, String username, Instant issuedAt, Duration lifetime,
            FamilyId family, TokenValue value) {
        return new AccessToken(TokenId.of("at-" + SEQUENCE.incrementAndGet()), TokenDigest.of(value),
                new SealedToken("v1.sealed-" + value.value().length()), ClientId.of(clientId),
                username == null ? null : Username.of(username), Scope.of("read", "write"), issuedAt,
                issuedAt.plus(lifetime), family);
    }

    static RefreshToken refresh(String clientId, String username, Instant issuedAt, Duration lifetime,
            FamilyId family, TokenValue value) {
        return new RefreshToken(TokenId.of("rt-" + SEQUENCE.incrementAndGet()), TokenDigest.of(value),
                ClientId.of(clientId), username == null ? null : Username.of(username), Scope.of("read"), issuedAt,
                issuedAt.plus(lifetime), family, false);
    }

    /** A replacement pair in the same family as {@code refresh}, as a rotation issues it. */
    static TokenPair replacementOf(RefreshToken refresh, Instant now, Duration lifetime) {
        String username = refresh.username() == null ? null : refresh.username().value();
        return new TokenPair(
                access(refresh.clientId().value(), username, now, lifetime, refresh.familyId(), newValue()),
                refresh(refresh.clientId().value(), username, now, lifetime, refresh.familyId(), newValue()));
    }
}
