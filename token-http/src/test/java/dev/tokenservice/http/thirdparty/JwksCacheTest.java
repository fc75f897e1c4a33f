package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.core.port.ThirdPartyTokenException.Reason;
import dev.tokenservice.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JWK set cache against a provider on loopback whose key set fails and heals, time driven by a mutable clock. */
class JwksCacheTest {
    private static final RSAKey KEY_1 = TestKeys.named(TestKeys.RSA_A, "key-1");
    private static final RSAKey KEY_2 = TestKeys.named(TestKeys.RSA_B, "key-2");
    private static final Duration MAX_AGE = OidcProviderSettings.DEFAULT_KEY_MAX_AGE;
    private static final Duration INTERVAL = OidcProviderSettings.DEFAULT_MIN_REFRESH_INTERVAL;

    private final OidcProviderStub provider = new OidcProviderStub();
    private final MutableClock clock = MutableClock.start();
    private final JwksCache keys = new JwksCache("oidc:acme", provider.jwksUri(),
            new ProviderHttpClient(Duration.ofMillis(500)), clock, MAX_AGE, INTERVAL);

    JwksCacheTest() {
        provider.publish(KEY_1);
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private List<String> select(String kid) {
        return keys.select(new JWKMatcher.Builder().keyID(kid).build()).stream().map(JWK::getKeyID).toList();
    }

    private Reason failureOf(String kid) {
        ThirdPartyTokenException thrown = catchThrowableOfType(ThirdPartyTokenException.class, () -> select(kid));
        assertThat(thrown).as("a ThirdPartyTokenException").isNotNull();
        return thrown.reason();
    }

    /** Makes the key set fail the way {@code failure} names: an error status, no answer, or an answer that is no set. */
    private void fail(String failure) {
        switch (failure) {
            case "500" -> provider.health(StubServer.Health.FAILING);
            case "503" -> provider.health(StubServer.Health.DOWN);
            case "hanging" -> provider.health(StubServer.Health.HANGING);
            default -> provider.publishRaw(failure);
        }
    }

    private void heal() {
        provider.health(StubServer.Health.UP);
        provider.publish(KEY_1, KEY_2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "503", "hanging", "<html>maintenance</html>", "null", "[]", "{\"keys\":"})
    void selectWhenFirstFetchFailedThenRetriedAfterTheFirstRetryDelayNotTheRefreshInterval(String failure) {
        fail(failure);
        Reason first = failureOf("key-1");
        heal();

        Reason heldBack = failureOf("key-1");
        int requestsWhileHeldBack = provider.requests();
        clock.advance(JwksCache.FIRST_RETRY);
        List<String> healed = select("key-1");

        assertThat(first).isEqualTo(Reason.UNAVAILABLE);
        assertThat(heldBack).isEqualTo(Reason.UNAVAILABLE);
        assertThat(requestsWhileHeldBack).isEqualTo(1);
        assertThat(healed).containsExactly("key-1");
        assertThat(provider.requests()).isEqualTo(2);
    }

    @Test
    void selectWhenFetchesKeepFailingThenTheWaitDoublesUpToTheRefreshInterval() {
        fail("500");
        failureOf("key-1");
        List<Integer> requestsAfterEachWait = new ArrayList<>();

        for (Duration wait : List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), INTERVAL, INTERVAL)) {
            clock.advance(wait.minusMillis(1));
            failureOf("key-1");
            int before = provider.requests();
            clock.advance(Duration.ofMillis(1));
            failureOf("key-1");
            requestsAfterEachWait.add(provider.requests() - before);
        }

        assertThat(requestsAfterEachWait).containsOnly(1);
        assertThat(provider.requests()).isEqualTo(8);
    }

    @Test
    void selectWhenAFetchSucceedsAfterFailuresThenTheNextWaitsTheRefreshIntervalAgain() {
        fail("500");
        failureOf("key-1");
        clock.advance(JwksCache.FIRST_RETRY);
        failureOf("key-1");
        heal();
        clock.advance(JwksCache.FIRST_RETRY.multipliedBy(2));
        select("key-1");

        clock.advance(INTERVAL.minusMillis(1));
        List<String> unknownBefore = select("key-3");
        int requestsBefore = provider.requests();
        clock.advance(Duration.ofMillis(1));
        select("key-3");

        assertThat(unknownBefore).isEmpty();
        assertThat(requestsBefore).isEqualTo(3);
        assertThat(provider.requests()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(value = StubServer.Health.class, names = {"DOWN", "FAILING", "HANGING"})
    void selectWhenRefetchAfterMaxAgeFailsThenKeysHeldServeAndTheRefetchIsRetriedSoon(StubServer.Health failure) {
        select("key-1");
        clock.advance(MAX_AGE.plusSeconds(1));
        provider.health(failure);

        List<String> duringOutage = select("key-1");
        List<String> heldBack = select("key-1");
        int requestsDuringOutage = provider.requests();
        heal();
        clock.advance(JwksCache.FIRST_RETRY);
        List<String> healed = select("key-2");

        assertThat(duringOutage).containsExactly("key-1");
        assertThat(heldBack).containsExactly("key-1");
        assertThat(requestsDuringOutage).isEqualTo(2);
        assertThat(healed).containsExactly("key-2");
        assertThat(provider.requests()).isEqualTo(3);
    }

    @Test
    void selectWhenProviderRotatedDuringAnOutageThenTheNewKeyIsFoundSoonAfterItHeals() {
        select("key-1");
        clock.advance(INTERVAL);
        fail("503");

        List<String> duringOutage = select("key-2");
        heal();
        List<String> heldBack = select("key-2");
        clock.advance(JwksCache.FIRST_RETRY);
        List<String> healed = select("key-2");

        assertThat(duringOutage).isEmpty();
        assertThat(heldBack).isEmpty();
        assertThat(healed).containsExactly("key-2");
        assertThat(provider.requests()).isEqualTo(3);
    }

    @Test
    void selectWhenAKeyIsFoundThenOnlyItsPublicHalfIsHandedOut() {
        provider.publishRaw(new JWKSet(KEY_1).toString(false));

        List<JWK> found = keys.select(new JWKMatcher.Builder().keyID("key-1").build());

        assertThat(found).singleElement().satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }
}
