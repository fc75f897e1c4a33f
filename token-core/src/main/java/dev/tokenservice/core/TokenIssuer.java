package dev.tokenservice.core;

import dev.tokenservice.core.grant.Grant;
import dev.tokenservice.core.grant.RefreshTokenGrantStrategy;
import dev.tokenservice.core.grant.SuccessorHandback;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.AccessTokenClaims;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.IssuancePolicy;
import dev.tokenservice.core.port.AccessTokenSigner;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.Issued;
import dev.tokenservice.core.port.TokenEventListener.Refreshed;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.TokenValueGenerator;
import dev.tokenservice.core.port.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/** Carries out a grant under the issuance policy: mints values, stores digests, answers the caller. Thread-safe. */
final class TokenIssuer {
    private final TokenStore tokens;
    private final TokenValueGenerator values;
    private final TokenSealer sealer;
    private final AccessTokenSigner signer;
    private final UserDirectory users;
    private final IssuancePolicy policy;
    private final TokenEventListener events;
    private final Clock clock;
    private final SuccessorHandback handback;

    TokenIssuer(TokenStore tokens, TokenValueGenerator values, TokenSealer sealer, AccessTokenSigner signer,
            UserDirectory users, IssuancePolicy policy, TokenEventListener events, Clock clock,
            SuccessorHandback handback) {
        this.tokens = tokens;
        this.values = values;
        this.sealer = sealer;
        this.signer = signer;
        this.users = users;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
        this.handback = handback;
    }

    TokenResponse issue(Client client, Grant grant) {
        // Millisecond precision: what every supported database keeps, so a stored token reads back equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (grant.handedBack() != null) {
            return grant.handedBack();
        }
        if (grant.rotated() != null) {
            return rotate(client, grant, grant.rotated(), now);
        }
        boolean withRefresh = policy.issuesRefreshToken(client, grant.grantType());
        TokenHolder holder = TokenHolder.of(client.clientId(), grant.username());
        if (!withRefresh && policy.liveTokenLimit(client) == LiveTokenLimit.REUSE_LIVE) {
            Optional<TokenResponse> reused = reuse(client, holder, grant, now);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        FamilyId family = withRefresh ? FamilyId.of(values.newId()) : null;
        Minted minted = mint(client, grant, family, withRefresh, now);
        if (policy.liveTokenLimit(client) == LiveTokenLimit.REPLACE_PREVIOUS) {
            // One transaction: a failed save must not leave the holder with its earlier tokens revoked and no new ones.
            int revoked = tokens.replaceHeldBy(holder, minted.pair());
            if (revoked > 0) {
                events.revoked(new Revoked(RevocationCause.REPLACED_BY_NEW_TOKEN, revoked, null,
                        new HolderSelector(holder.clientId(), holder.username()), null, null));
            }
        } else {
            tokens.save(minted.pair());
        }
        events.issued(new Issued(minted.pair().access().summary(), grant.grantType(), withRefresh));
        return minted.response();
    }

    private TokenResponse rotate(Client client, Grant grant, RefreshToken retired, Instant now) {
        if (!now.isBefore(policy.familyEndsAt(client, retired.familyIssuedAt()))) {
            throw OAuthException.invalidGrant(RefreshTokenGrantStrategy.FAMILY_ENDED);
        }
        Minted minted = mint(client, grant, retired.familyId(), true, now);
        TokenValue presented = grant.presented();
        SealedSuccessor successor = presented == null ? null : handback.seal(client, presented,
                minted.response().accessToken(), minted.response().refreshToken());
        if (!tokens.rotate(retired.digest(), minted.pair(), successor)) {
            // Lost a race with a concurrent use of the same token; the winner's tokens stand, and within the grace
            // window the loser gets them too.
            return (presented == null ? Optional.<TokenResponse>empty() : handback.handBack(client, retired, presented))
                    .orElseThrow(() -> OAuthException.invalidGrant(RefreshTokenGrantStrategy.RACE_LOST));
        }
        events.refreshed(new Refreshed(minted.pair().access().summary(), retired.familyId(), retired.id()));
        return minted.response();
    }

    private Optional<TokenResponse> reuse(Client client, TokenHolder holder, Grant grant, Instant now) {
        return tokens.findLatestAccessToken(holder)
                .filter(live -> policy.mayReuse(client, live, grant.scope(), now))
                .flatMap(live -> sealer.unseal(live.sealed())
                        .filter(value -> TokenDigest.of(value).matches(live.digest()))
                        .map(value -> new TokenResponse(value, wholeSeconds(Duration.between(now, live.expiresAt())),
                                live.scope(), null)));
    }

    private Minted mint(Client client, Grant grant, FamilyId family, boolean withRefresh, Instant now) {
        TokenId id = TokenId.of(values.newId());
        Duration accessLifetime = policy.accessTokenLifetime(client);
        Instant expiresAt = now.plus(accessLifetime);
        TokenValue accessValue = policy.accessTokenFormat(client) == AccessTokenFormat.JWT
                ? signer.sign(new AccessTokenClaims(id, client.clientId(), grant.username(), grant.scope(),
                        authorities(client, grant), now, expiresAt))
                : values.newValue();
        AccessToken access = new AccessToken(id, TokenDigest.of(accessValue),
                sealer.seal(accessValue).orElse(null), client.clientId(), grant.username(), grant.scope(),
                now, expiresAt, family);
        if (!withRefresh) {
            return new Minted(TokenPair.accessOnly(access), new TokenResponse(accessValue, accessLifetime, grant.scope(), null));
        }
        TokenValue refreshValue = values.newValue();
        RefreshToken rotated = grant.rotated();
        Instant familyIssuedAt = rotated != null ? rotated.familyIssuedAt() : now;
        // The family's end caps every member: no refresh token outlives the family it belongs to.
        Instant refreshExpiresAt = min(now.plus(policy.refreshTokenLifetime(client)),
                policy.familyEndsAt(client, familyIssuedAt));
        // RFC 6749 §6: a new refresh token keeps the scope of the one it replaces, even when the access token narrows.
        RefreshToken refresh = new RefreshToken(TokenId.of(values.newId()), TokenDigest.of(refreshValue),
                client.clientId(), grant.username(), rotated != null ? rotated.scope() : grant.scope(),
                now, refreshExpiresAt, family, false, familyIssuedAt);
        return new Minted(new TokenPair(access, refresh),
                new TokenResponse(accessValue, accessLifetime, grant.scope(), refreshValue));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** What a self-contained token carries: the user's authorities, or for a client-only token the client's. */
    private Set<Authority> authorities(Client client, Grant grant) {
        if (grant.username() == null) {
            return client.authorities();
        }
        return users.findByUsername(grant.username()).map(ResourceOwner::authorities)
                .orElseThrow(() -> OAuthException.invalidGrant("the user no longer exists"));
    }

    /** Rounds down to whole seconds: {@code expires_in} must never promise more than the token has. */
    private static Duration wholeSeconds(Duration duration) {
        return Duration.ofSeconds(duration.getSeconds());
    }

    private record Minted(TokenPair pair, TokenResponse response) { }
}
