package dev.tokenservice.core;

import dev.tokenservice.core.grant.Grant;
import dev.tokenservice.core.grant.RefreshTokenGrantStrategy;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.IssuancePolicy;
import dev.tokenservice.core.policy.LiveTokenLimit;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.Issued;
import dev.tokenservice.core.port.TokenEventListener.Refreshed;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.TokenValueGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Carries out a grant under the issuance policy: mints values, stores digests, answers the caller. Thread-safe. */
final class TokenIssuer {
    private final TokenStore tokens;
    private final TokenValueGenerator values;
    private final TokenSealer sealer;
    private final IssuancePolicy policy;
    private final TokenEventListener events;
    private final Clock clock;

    TokenIssuer(TokenStore tokens, TokenValueGenerator values, TokenSealer sealer, IssuancePolicy policy,
            TokenEventListener events, Clock clock) {
        this.tokens = tokens;
        this.values = values;
        this.sealer = sealer;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    TokenResponse issue(Client client, Grant grant) {
        // Millisecond precision: what every supported database keeps, so a stored token reads back equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (grant.rotated() != null) {
            return rotate(client, grant, grant.rotated(), now);
        }
        boolean withRefresh = policy.issuesRefreshToken(client, grant.grantType());
        TokenHolder holder = TokenHolder.of(client.clientId(), grant.username());
        if (!withRefresh && policy.liveTokenLimit() == LiveTokenLimit.REUSE_LIVE) {
            Optional<TokenResponse> reused = reuse(holder, grant, now);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        if (policy.liveTokenLimit() == LiveTokenLimit.REPLACE_PREVIOUS) {
            int revoked = tokens.revokeHeldBy(holder);
            if (revoked > 0) {
                events.revoked(new Revoked(RevocationCause.REPLACED_BY_NEW_TOKEN, revoked, null,
                        new HolderSelector(holder.clientId(), holder.username()), null, null));
            }
        }
        FamilyId family = withRefresh ? FamilyId.of(values.newId()) : null;
        Minted minted = mint(client, grant, family, withRefresh, now);
        tokens.save(minted.pair());
        events.issued(new Issued(minted.pair().access().summary(), grant.grantType(), withRefresh));
        return minted.response();
    }

    private TokenResponse rotate(Client client, Grant grant, RefreshToken retired, Instant now) {
        Minted minted = mint(client, grant, retired.familyId(), true, now);
        if (!tokens.rotate(retired.digest(), minted.pair())) {
            // Lost a race with a concurrent use of the same token; the winner's tokens stand.
            throw OAuthException.invalidGrant(RefreshTokenGrantStrategy.RACE_LOST);
        }
        events.refreshed(new Refreshed(minted.pair().access().summary(), retired.familyId(), retired.id()));
        return minted.response();
    }

    private Optional<TokenResponse> reuse(TokenHolder holder, Grant grant, Instant now) {
        return tokens.findLatestAccessToken(holder)
                .filter(live -> policy.mayReuse(live, grant.scope(), now))
                .flatMap(live -> sealer.unseal(live.sealed())
                        .filter(value -> TokenDigest.of(value).matches(live.digest()))
                        .map(value -> new TokenResponse(value, wholeSeconds(Duration.between(now, live.expiresAt())),
                                live.scope(), null)));
    }

    private Minted mint(Client client, Grant grant, FamilyId family, boolean withRefresh, Instant now) {
        TokenValue accessValue = values.newValue();
        Duration accessLifetime = policy.accessTokenLifetime(client);
        AccessToken access = new AccessToken(TokenId.of(values.newId()), TokenDigest.of(accessValue),
                sealer.seal(accessValue).orElse(null), client.clientId(), grant.username(), grant.scope(),
                now, now.plus(accessLifetime), family);
        if (!withRefresh) {
            return new Minted(TokenPair.accessOnly(access), new TokenResponse(accessValue, accessLifetime, grant.scope(), null));
        }
        TokenValue refreshValue = values.newValue();
        // RFC 6749 §6: a new refresh token keeps the scope of the one it replaces, even when the access token narrows.
        RefreshToken refresh = new RefreshToken(TokenId.of(values.newId()), TokenDigest.of(refreshValue),
                client.clientId(), grant.username(), grant.rotated() != null ? grant.rotated().scope() : grant.scope(),
                now, now.plus(policy.refreshTokenLifetime(client)), family, false);
        return new Minted(new TokenPair(access, refresh),
                new TokenResponse(accessValue, accessLifetime, grant.scope(), refreshValue));
    }

    /** Rounds down to whole seconds: {@code expires_in} must never promise more than the token has. */
    private static Duration wholeSeconds(Duration duration) {
        return Duration.ofSeconds(duration.getSeconds());
    }

    private record Minted(TokenPair pair, TokenResponse response) { }
}
