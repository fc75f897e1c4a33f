package dev.tokenservice.http.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rotation timing of the signing keys, on a clock the test moves. */
class SigningKeysTest {
    private static final Duration AHEAD = Duration.ofHours(1);
    private static final Duration INTERVAL = Duration.ofDays(30);
    private final MutableClock clock = MutableClock.start();
    private final KeyRingStore store = KeyRingStore.inMemory();
    private final KeyRotationSettings settings = new KeyRotationSettings(SigningAlgorithm.ES256, AHEAD, INTERVAL);

    private SigningKeys open() {
        return SigningKeys.open(store, settings, clock);
    }

    @Test
    void openWhenStoreEmptyThenMakesAKeyThatSignsAtOnceAndSavesIt() {
        SigningKeys keys = open();

        SigningKey key = keys.signingFor(clock.instant().plusSeconds(60)).key();
        assertThat(key.signsFrom()).isEqualTo(clock.instant());
        assertThat(store.load().keys()).extracting(SigningKey::keyId).containsExactly(key.keyId());
        assertThat(publishedIds(keys)).containsExactly(key.keyId());
    }

    @Test
    void openWhenStoreHoldsKeysThenKeepsThem() {
        String first = open().ring().keys().get(0).keyId();

        assertThat(open().ring().keys()).extracting(SigningKey::keyId).containsExactly(first);
    }

    @Test
    void rotateThenTheNewKeyIsPublishedAtOnceButSignsOnlyAfterThePublicationLeadTime() {
        SigningKeys keys = open();
        String old = currentKey(keys);

        SigningKey next = keys.rotate();

        assertThat(next.signsFrom()).isEqualTo(clock.instant().plus(AHEAD));
        assertThat(publishedIds(keys)).containsExactlyInAnyOrder(old, next.keyId());
        assertThat(currentKey(keys)).isEqualTo(old);
        clock.advance(AHEAD.minusSeconds(1));
        assertThat(currentKey(keys)).isEqualTo(old);
        clock.advance(Duration.ofSeconds(1));
        assertThat(currentKey(keys)).isEqualTo(next.keyId());
    }

    @Test
    void rotateThenTheOldKeyStaysPublishedUntilTheLastTokenItSignedHasExpired() {
        SigningKeys keys = open();
        keys.rotate();
        clock.advance(AHEAD.minusSeconds(1));
        Instant lastExpiry = clock.instant().plus(Duration.ofHours(4));
        String old = keys.signingFor(lastExpiry).key().keyId();

        clock.advance(Duration.ofSeconds(1));
        assertThat(publishedIds(keys)).contains(old);
        clock.set(lastExpiry);
        assertThat(publishedIds(keys)).as("the coverage runs a step past the last expiry").contains(old);
        clock.set(lastExpiry.plus(SigningKeys.COVERAGE_STEP));

        assertThat(publishedIds(keys)).doesNotContain(old).hasSize(1);
    }

    @Test
    void signingForWhenATokenOutlivesTheKeysCoverageThenTheCoverageIsSavedFirst() {
        SigningKeys keys = open();
        Instant expiry = clock.instant().plus(Duration.ofDays(2));

        SigningKey key = keys.signingFor(expiry).key();

        assertThat(key.coversUntil()).isAfterOrEqualTo(expiry);
        assertThat(store.load().keys().get(0).coversUntil()).isEqualTo(key.coversUntil());
    }

    @Test
    void signingForWhenWithinTheCoverageThenSavesNothing() {
        SigningKeys keys = open();
        keys.signingFor(clock.instant().plusSeconds(300));
        KeyRing saved = store.load();

        keys.signingFor(clock.instant().plusSeconds(301));

        assertThat(store.load()).isSameAs(saved);
    }

    @Test
    void maintainWhenTheKeyHasSignedForTheRotationIntervalThenRotatesOnSchedule() {
        SigningKeys keys = open();
        String old = currentKey(keys);
        clock.advance(INTERVAL.minusSeconds(1));
        keys.maintain();
        assertThat(keys.ring().keys()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        keys.maintain();
        keys.maintain();

        assertThat(keys.ring().keys()).hasSize(2);
        assertThat(currentKey(keys)).isEqualTo(old);
        clock.advance(AHEAD);
        assertThat(currentKey(keys)).isNotEqualTo(old);
    }

    @Test
    void maintainWhenNoRotationIntervalThenNeverRotates() {
        SigningKeys keys = SigningKeys.open(store, new KeyRotationSettings(SigningAlgorithm.ES256, AHEAD, null), clock);
        clock.advance(Duration.ofDays(3650));

        keys.maintain();

        assertThat(keys.ring().keys()).hasSize(1);
    }

    @Test
    void maintainWhenAnotherServerRotatedTheSharedStoreThenPublishesAndLaterSignsWithItsKey() {
        SigningKeys mine = open();
        SigningKeys theirs = open();

        SigningKey next = theirs.rotate();
        mine.maintain();

        assertThat(publishedIds(mine)).contains(next.keyId());
        clock.advance(AHEAD);
        assertThat(currentKey(mine)).isEqualTo(next.keyId());
    }

    @Test
    void maintainWhenRetiredKeysThenDropsThemFromTheStore() {
        SigningKeys keys = open();
        keys.rotate();
        clock.advance(Duration.ofDays(1));

        keys.maintain();

        assertThat(store.load().keys()).hasSize(1);
    }

    private static String currentKey(SigningKeys keys) {
        return keys.signingFor(Instant.EPOCH).key().keyId();
    }

    @SuppressWarnings("unchecked")
    private static List<String> publishedIds(SigningKeys keys) {
        Map<String, Object> jwks = keys.publicJwkSet();
        return ((List<Map<String, Object>>) jwks.get("keys")).stream().map(key -> (String) key.get("kid")).toList();
    }
}
