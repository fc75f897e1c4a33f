package dev.tokenservice.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IssuancePolicyTest {
    private static final Instant ISSUED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Scope READ = Scope.parse("read");
    private static final TokenLifetimes LIFETIMES = new TokenLifetimes(Duration.ofMinutes(10), Duration.ofDays(7));

    private final IssuancePolicy reusing =
            new IssuancePolicy(new IssuanceSettings(LIFETIMES, LiveTokenLimit.REUSE_LIVE));

    private static Client.Builder client() {
        return Client.builder("machine").allowedScopes(READ);
    }

    private static AccessToken live(SealedToken sealed, Scope scope) {
        return new AccessToken(TokenId.of("t1"), TokenDigest.of(TokenValue.of("value")), sealed,
                ClientId.of("machine"), null, scope, ISSUED, ISSUED.plus(LIFETIME), null);
    }

    private static AccessToken sealedLive() {
        return live(new SealedToken("v1.sealed"), READ);
    }

    @Test
    void accessTokenLifetimeWhenClientOverridesThenClientLifetime() {
        IssuancePolicy policy = new IssuancePolicy(new IssuanceSettings(LIFETIMES, LiveTokenLimit.NEW_PER_REQUEST));

        Duration lifetime = policy.accessTokenLifetime(client().accessTokenLifetime(Duration.ofMinutes(3)).build());

        assertThat(lifetime).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void accessTokenLifetimeWhenNoOverrideThenDefault() {
        IssuancePolicy policy = new IssuancePolicy(new IssuanceSettings(LIFETIMES, LiveTokenLimit.NEW_PER_REQUEST));

        Duration lifetime = policy.accessTokenLifetime(client().refreshTokenLifetime(Duration.ofDays(1)).build());

        assertThat(lifetime).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refreshTokenLifetimeWhenClientOverridesThenClientLifetime() {
        IssuancePolicy policy = new IssuancePolicy(new IssuanceSettings(LIFETIMES, LiveTokenLimit.NEW_PER_REQUEST));

        Duration lifetime = policy.refreshTokenLifetime(client().refreshTokenLifetime(Duration.ofDays(1)).build());

        assertThat(lifetime).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refreshTokenLifetimeWhenNoOverrideThenDefault() {
        IssuancePolicy policy = new IssuancePolicy(new IssuanceSettings(LIFETIMES, LiveTokenLimit.NEW_PER_REQUEST));

        Duration lifetime = policy.refreshTokenLifetime(client().accessTokenLifetime(Duration.ofMinutes(3)).build());

        assertThat(lifetime).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void issuesRefreshTokenWhenClientCredentialsThenFalseEvenIfClientMayRefresh() {
        IssuancePolicy policy = new IssuancePolicy(IssuanceSettings.DEFAULT);
        Client client = client().grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN).build();

        boolean issues = policy.issuesRefreshToken(client, GrantType.CLIENT_CREDENTIALS);

        assertThat(issues).isFalse();
    }

    @Test
    void issuesRefreshTokenWhenPasswordAndClientMayRefreshThenTrue() {
        IssuancePolicy policy = new IssuancePolicy(IssuanceSettings.DEFAULT);
        Client client = client().grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN).build();

        boolean issues = policy.issuesRefreshToken(client, GrantType.PASSWORD);

        assertThat(issues).isTrue();
    }

    @Test
    void issuesRefreshTokenWhenPasswordAndClientMayNotRefreshThenFalse() {
        IssuancePolicy policy = new IssuancePolicy(IssuanceSettings.DEFAULT);
        Client client = client().grantTypes(GrantType.PASSWORD).build();

        boolean issues = policy.issuesRefreshToken(client, GrantType.PASSWORD);

        assertThat(issues).isFalse();
    }

    @Test
    void issuesRefreshTokenWhenExtensionGrantAndClientMayRefreshThenTrue() {
        IssuancePolicy policy = new IssuancePolicy(IssuanceSettings.DEFAULT);
        Client client = client().grantTypes(GrantType.of("google"), GrantType.REFRESH_TOKEN).build();

        boolean issues = policy.issuesRefreshToken(client, GrantType.of("google"));

        assertThat(issues).isTrue();
    }

    @Test
    void liveTokenLimitWhenDefaultSettingsThenNewPerRequest() {
        IssuancePolicy policy = new IssuancePolicy(IssuanceSettings.DEFAULT);

        LiveTokenLimit limit = policy.liveTokenLimit();

        assertThat(limit).isEqualTo(LiveTokenLimit.NEW_PER_REQUEST);
    }

    @Test
    void mayReuseWhenSealedSameScopeAndMostLifetimeLeftThenTrue() {
        AccessToken live = sealedLive();

        boolean reuse = reusing.mayReuse(client().build(), live, READ, ISSUED.plus(Duration.ofMinutes(10)));

        assertThat(reuse).isTrue();
    }

    @Test
    void mayReuseWhenExactlyHalfTheLifetimeRemainsThenTrue() {
        AccessToken live = sealedLive();

        boolean reuse = reusing.mayReuse(client().build(), live, READ, ISSUED.plus(LIFETIME.dividedBy(2)));

        assertThat(reuse).isTrue();
    }

    @Test
    void mayReuseWhenJustUnderHalfTheLifetimeRemainsThenFalse() {
        AccessToken live = sealedLive();

        boolean reuse = reusing.mayReuse(client().build(), live, READ, ISSUED.plus(LIFETIME.dividedBy(2)).plusNanos(1));

        assertThat(reuse).isFalse();
    }

    @Test
    void mayReuseWhenExpiredThenFalse() {
        AccessToken live = sealedLive();

        boolean reuse = reusing.mayReuse(client().build(), live, READ, ISSUED.plus(LIFETIME));

        assertThat(reuse).isFalse();
    }

    @Test
    void mayReuseWhenNotSealedThenFalse() {
        AccessToken live = live(null, READ);

        boolean reuse = reusing.mayReuse(client().build(), live, READ, ISSUED);

        assertThat(reuse).isFalse();
    }

    @Test
    void mayReuseWhenWantedScopeIsNarrowerThenFalse() {
        AccessToken live = live(new SealedToken("v1.sealed"), Scope.parse("read write"));

        boolean reuse = reusing.mayReuse(client().build(), live, READ, ISSUED);

        assertThat(reuse).isFalse();
    }

    @Test
    void mayReuseWhenWantedScopeIsWiderThenFalse() {
        AccessToken live = sealedLive();

        boolean reuse = reusing.mayReuse(client().build(), live, Scope.parse("read write"), ISSUED);

        assertThat(reuse).isFalse();
    }

    @Test
    void mayReuseWhenLimitIsNotReuseLiveThenFalse() {
        IssuancePolicy policy = new IssuancePolicy(new IssuanceSettings(LIFETIMES, LiveTokenLimit.REPLACE_PREVIOUS));

        boolean reuse = policy.mayReuse(client().build(), sealedLive(), READ, ISSUED);

        assertThat(reuse).isFalse();
    }

    @Test
    void liveTokenLimitWhenClientOverridesThenClientLimit() {
        IssuancePolicy policy = new IssuancePolicy(new IssuanceSettings(LIFETIMES, LiveTokenLimit.NEW_PER_REQUEST));

        LiveTokenLimit limit = policy.liveTokenLimit(client().liveTokenLimit(LiveTokenLimit.REPLACE_PREVIOUS).build());

        assertThat(limit).isEqualTo(LiveTokenLimit.REPLACE_PREVIOUS);
    }

    @Test
    void liveTokenLimitWhenNoOverrideThenDefault() {
        LiveTokenLimit limit = reusing.liveTokenLimit(client().build());

        assertThat(limit).isEqualTo(LiveTokenLimit.REUSE_LIVE);
    }

    @Test
    void mayReuseWhenClientOverridesToNewPerRequestThenFalse() {
        Client client = client().liveTokenLimit(LiveTokenLimit.NEW_PER_REQUEST).build();

        boolean reuse = reusing.mayReuse(client, sealedLive(), READ, ISSUED);

        assertThat(reuse).isFalse();
    }
}
