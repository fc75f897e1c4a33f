package dev.tokenservice.testkit.contract;

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

/** Builds stored-token records for the contract suites; every token's value is {@code value-<id>}. */
final class ContractTokens {
    static final ClientId CLIENT_A = ClientId.of("client-a");
    static final ClientId CLIENT_B = ClientId.of("client-b");
    static final Username ALICE = Username.of("alice");
    static final Username BOB = Username.of("bob");
    static final Duration HOUR = Duration.ofHours(1);

    private ContractTokens() { }

    static TokenValue value(String id) {
        return TokenValue.of("value-" + id);
    }

    static TokenDigest digest(String id) {
        return TokenDigest.of(value(id));
    }

    static AccessToken access(String id, ClientId client, Username user, Instant issuedAt, Duration lifetime,
            FamilyId family) {
        return new AccessToken(TokenId.of(id), digest(id), new SealedToken("sealed-" + id), client, user,
                Scope.of("read", "write"), issuedAt, issuedAt.plus(lifetime), family);
    }

    static AccessToken access(String id, ClientId client, Username user, Instant issuedAt) {
        return access(id, client, user, issuedAt, HOUR, null);
    }

    static RefreshToken refresh(String id, ClientId client, Username user, Instant issuedAt, Duration lifetime,
            FamilyId family) {
        return new RefreshToken(TokenId.of(id), digest(id), client, user, Scope.of("read"), issuedAt,
                issuedAt.plus(lifetime), family, false);
    }

    /** An access token and a refresh token of a new family named {@code family}, ids {@code <prefix>-a/-r}. */
    static TokenPair pair(String prefix, ClientId client, Username user, Instant issuedAt, String family) {
        FamilyId familyId = FamilyId.of(family);
        return new TokenPair(access(prefix + "-a", client, user, issuedAt, HOUR, familyId),
                refresh(prefix + "-r", client, user, issuedAt, Duration.ofDays(30), familyId));
    }
}
