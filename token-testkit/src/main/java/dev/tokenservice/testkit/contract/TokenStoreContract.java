package dev.tokenservice.testkit.contract;

import static dev.tokenservice.testkit.contract.ContractTokens.ALICE;
import static dev.tokenservice.testkit.contract.ContractTokens.BOB;
import static dev.tokenservice.testkit.contract.ContractTokens.CLIENT_A;
import static dev.tokenservice.testkit.contract.ContractTokens.CLIENT_B;
import static dev.tokenservice.testkit.contract.ContractTokens.HOUR;
import static dev.tokenservice.testkit.contract.ContractTokens.access;
import static dev.tokenservice.testkit.contract.ContractTokens.digest;
import static dev.tokenservice.testkit.contract.ContractTokens.pair;
import static dev.tokenservice.testkit.contract.ContractTokens.refresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TokenStore} must have. Extend it, return a fresh empty store from {@link #newStore}, and
 * run it: the in-memory fake, the JDBI adapters on H2 and PostgreSQL, and your own adapter all pass the same suite.
 */
public abstract class TokenStoreContract {
    protected final MutableClock clock = MutableClock.start();
    private TokenStore store;

    /** Returns an empty store that reads the time from {@code clock}; called before every test. */
    protected abstract TokenStore newStore(Clock clock);

    @BeforeEach
    final void setUpStore() {
        store = newStore(clock);
    }

    private Instant now() {
        return clock.instant();
    }

    @Test
    void findAccessTokenWhenSavedThenReturnsEqualRecord() {
        AccessToken token = access("t1", CLIENT_A, ALICE, now());

        store.save(TokenPair.accessOnly(token));

        assertThat(store.findAccessToken(token.digest())).contains(token);
    }

    @Test
    void findWhenPairSavedThenBothTokensReturnEqualRecords() {
        TokenPair tokens = pair("p1", CLIENT_A, ALICE, now(), "family-1");

        store.save(tokens);

        assertThat(store.findAccessToken(tokens.access().digest())).contains(tokens.access());
        assertThat(store.findRefreshToken(tokens.refresh().digest())).contains(tokens.refresh());
    }

    @Test
    void findAccessTokenWhenClientOnlyAndUnsealedThenNullFieldsRoundTrip() {
        AccessToken token = new AccessToken(TokenId.of("t1"), digest("t1"), null, CLIENT_A, null, Scope.EMPTY,
                now(), now().plus(HOUR), null);

        store.save(TokenPair.accessOnly(token));

        assertThat(store.findAccessToken(token.digest())).contains(token);
    }

    @Test
    void findAccessTokenWhenSealedValueIsASignedJwtWithManyClaimsThenRoundTrips() {
        // A sealed JWT access token: a few hundred bytes of claims and a signature, more with many authorities.
        AccessToken token = new AccessToken(TokenId.of("t1"), digest("t1"), new SealedToken("s".repeat(8000)), CLIENT_A,
                ALICE, Scope.of("read"), now(), now().plus(HOUR), null);

        store.save(TokenPair.accessOnly(token));

        assertThat(store.findAccessToken(token.digest())).contains(token);
    }

    @Test
    void findAccessTokenWhenUsernameHasSpecialCharactersThenRoundTrips() {
        AccessToken token = access("t1", CLIENT_A, Username.of("Jane Doe/ü@example.com%_'\""), now());

        store.save(TokenPair.accessOnly(token));

        assertThat(store.findAccessToken(token.digest())).contains(token);
    }

    @Test
    void findAccessTokenWhenUnknownThenEmpty() {
        assertThat(store.findAccessToken(digest("nothing"))).isEmpty();
    }

    @Test
    void findAccessTokenWhenDigestIsARefreshTokenThenEmpty() {
        TokenPair tokens = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(tokens);

        assertThat(store.findAccessToken(tokens.refresh().digest())).isEmpty();
        assertThat(store.findRefreshToken(tokens.access().digest())).isEmpty();
    }

    @Test
    void findAccessTokenWhenOneMillisecondBeforeExpiryThenPresent() {
        AccessToken token = access("t1", CLIENT_A, ALICE, now());
        store.save(TokenPair.accessOnly(token));

        clock.set(token.expiresAt().minusMillis(1));

        assertThat(store.findAccessToken(token.digest())).isPresent();
    }

    @Test
    void findAccessTokenWhenExpiryReachedThenEmpty() {
        AccessToken token = access("t1", CLIENT_A, ALICE, now());
        store.save(TokenPair.accessOnly(token));

        clock.set(token.expiresAt());

        assertThat(store.findAccessToken(token.digest())).isEmpty();
    }

    @Test
    void findRefreshTokenWhenExpiredThenEmpty() {
        TokenPair tokens = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(tokens);

        clock.set(tokens.refresh().expiresAt());

        assertThat(store.findRefreshToken(tokens.refresh().digest())).isEmpty();
    }

    @Test
    void saveWhenAccessDigestAlreadyStoredThenStorageExceptionAndFirstRecordKept() {
        AccessToken first = access("t1", CLIENT_A, ALICE, now());
        store.save(TokenPair.accessOnly(first));
        AccessToken clash = new AccessToken(TokenId.of("other"), first.digest(), null, CLIENT_B, BOB, Scope.EMPTY,
                now(), now().plus(HOUR), null);

        assertThatThrownBy(() -> store.save(TokenPair.accessOnly(clash))).isInstanceOf(StorageException.class);

        assertThat(store.findAccessToken(first.digest())).contains(first);
    }

    @Test
    void saveWhenRefreshDigestAlreadyStoredThenNeitherTokenOfThePairIsSaved() {
        TokenPair first = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(first);
        FamilyId family = FamilyId.of("family-2");
        TokenPair clash = new TokenPair(access("p2-a", CLIENT_A, ALICE, now(), HOUR, family),
                new RefreshToken(TokenId.of("p2-r"), first.refresh().digest(), CLIENT_A, ALICE, Scope.EMPTY, now(),
                        now().plus(HOUR), family, false));

        assertThatThrownBy(() -> store.save(clash)).isInstanceOf(StorageException.class);

        assertThat(store.findAccessToken(clash.access().digest())).isEmpty();
        assertThat(store.findRefreshToken(first.refresh().digest())).contains(first.refresh());
    }

    @Test
    void rotateWhenUnusedThenMarksItUsedAndSavesTheReplacement() {
        TokenPair original = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);
        TokenPair replacement = pair("p2", CLIENT_A, ALICE, now(), "family-1");

        boolean won = store.rotate(original.refresh().digest(), replacement);

        assertThat(won).isTrue();
        assertThat(store.findRefreshToken(original.refresh().digest())).contains(original.refresh().asUsed());
        assertThat(store.findAccessToken(replacement.access().digest())).contains(replacement.access());
        assertThat(store.findRefreshToken(replacement.refresh().digest())).contains(replacement.refresh());
    }

    @Test
    void rotateWhenAlreadyUsedThenFalseAndNothingSaved() {
        TokenPair original = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);
        store.rotate(original.refresh().digest(), pair("p2", CLIENT_A, ALICE, now(), "family-1"));
        TokenPair second = pair("p3", CLIENT_A, ALICE, now(), "family-1");

        boolean won = store.rotate(original.refresh().digest(), second);

        assertThat(won).isFalse();
        assertThat(store.findAccessToken(second.access().digest())).isEmpty();
        assertThat(store.findRefreshToken(second.refresh().digest())).isEmpty();
    }

    @Test
    void rotateWhenUnknownThenFalseAndNothingSaved() {
        TokenPair replacement = pair("p2", CLIENT_A, ALICE, now(), "family-1");

        boolean won = store.rotate(digest("nothing"), replacement);

        assertThat(won).isFalse();
        assertThat(store.findAccessToken(replacement.access().digest())).isEmpty();
    }

    @Test
    void rotateWhenExpiredThenFalseAndNothingSaved() {
        TokenPair original = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);
        clock.set(original.refresh().expiresAt());
        TokenPair replacement = pair("p2", CLIENT_A, ALICE, now(), "family-1");

        boolean won = store.rotate(original.refresh().digest(), replacement);

        assertThat(won).isFalse();
        assertThat(store.findAccessToken(replacement.access().digest())).isEmpty();
    }

    @Test
    void rotateWhenRacedByEightThreadsThenExactlyOneWins() throws Exception {
        TokenPair original = pair("p0", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        List<TokenPair> replacements = new ArrayList<>();
        try {
            for (int i = 1; i <= threads; i++) {
                TokenPair replacement = pair("p" + i, CLIENT_A, ALICE, now(), "family-1");
                replacements.add(replacement);
                results.add(pool.submit(() -> {
                    start.await();
                    return store.rotate(original.refresh().digest(), replacement);
                }));
            }

            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(winners).isEqualTo(1);
            assertThat(replacements.stream()
                    .filter(r -> store.findAccessToken(r.access().digest()).isPresent())
                    .count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findRefreshTokenWhenItsFamilyStartedEarlierThenTheFamilyStartRoundTrips() {
        RefreshToken member = refresh("r1", CLIENT_A, ALICE, now(), HOUR, FamilyId.of("family-1"));
        RefreshToken later = new RefreshToken(member.id(), member.digest(), member.clientId(), member.username(),
                member.scope(), member.issuedAt(), member.expiresAt(), member.familyId(), false,
                now().minus(Duration.ofDays(10)));
        TokenPair tokens = new TokenPair(access("a1", CLIENT_A, ALICE, now(), HOUR, later.familyId()), later);

        store.save(tokens);

        assertThat(store.findRefreshToken(later.digest())).contains(later);
    }

    @Test
    void findSuccessorWhenRotatedWithOneThenReturnsIt() {
        TokenPair original = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);
        SealedSuccessor successor = new SealedSuccessor("sealed-successor-of-p1");

        store.rotate(original.refresh().digest(), pair("p2", CLIENT_A, ALICE, now(), "family-1"), successor);

        assertThat(store.findSuccessor(original.refresh().digest())).contains(successor);
        assertThat(store.findRefreshToken(original.refresh().digest())).contains(original.refresh().asUsed());
    }

    @Test
    void findSuccessorWhenRotatedWithoutOneThenEmpty() {
        TokenPair original = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);

        store.rotate(original.refresh().digest(), pair("p2", CLIENT_A, ALICE, now(), "family-1"));

        assertThat(store.findSuccessor(original.refresh().digest())).isEmpty();
    }

    @Test
    void findSuccessorWhenTokenIsUnusedOrUnknownThenEmpty() {
        TokenPair original = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);

        assertThat(store.findSuccessor(original.refresh().digest())).isEmpty();
        assertThat(store.findSuccessor(digest("nothing"))).isEmpty();
    }

    @Test
    void findSuccessorWhenFamilyRevokedOrTokenExpiredThenEmpty() {
        TokenPair revoked = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        TokenPair expiring = pair("p3", CLIENT_A, ALICE, now(), "family-2");
        List.of(revoked, expiring).forEach(store::save);
        store.rotate(revoked.refresh().digest(), pair("p2", CLIENT_A, ALICE, now(), "family-1"),
                new SealedSuccessor("s1"));
        store.rotate(expiring.refresh().digest(), pair("p4", CLIENT_A, ALICE, now(), "family-2"),
                new SealedSuccessor("s2"));

        store.revokeFamily(FamilyId.of("family-1"));
        clock.set(expiring.refresh().expiresAt());

        assertThat(store.findSuccessor(revoked.refresh().digest())).isEmpty();
        assertThat(store.findSuccessor(expiring.refresh().digest())).isEmpty();
    }

    @Test
    void findSuccessorWhenASecondRotationLostThenTheWinnersSuccessorStays() {
        TokenPair original = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(original);
        SealedSuccessor winner = new SealedSuccessor("winner");
        store.rotate(original.refresh().digest(), pair("p2", CLIENT_A, ALICE, now(), "family-1"), winner);

        boolean won = store.rotate(original.refresh().digest(), pair("p3", CLIENT_A, ALICE, now(), "family-1"),
                new SealedSuccessor("loser"));

        assertThat(won).isFalse();
        assertThat(store.findSuccessor(original.refresh().digest())).contains(winner);
    }

    @Test
    void replaceHeldByWhenHolderHasTokensThenTheyGoOthersStayAndTheNewPairIsSaved() {
        TokenPair earlier = pair("p1", CLIENT_A, ALICE, now(), "f1");
        TokenPair bob = pair("p2", CLIENT_A, BOB, now(), "f2");
        List.of(earlier, bob).forEach(store::save);
        TokenPair next = pair("p3", CLIENT_A, ALICE, now(), "f3");

        int revoked = store.replaceHeldBy(TokenHolder.of(CLIENT_A, ALICE), next);

        assertThat(revoked).isEqualTo(2);
        assertThat(store.findAccessToken(earlier.access().digest())).isEmpty();
        assertThat(store.findRefreshToken(earlier.refresh().digest())).isEmpty();
        assertThat(store.findAccessToken(next.access().digest())).contains(next.access());
        assertThat(store.findRefreshToken(next.refresh().digest())).contains(next.refresh());
        assertThat(store.findAccessToken(bob.access().digest())).isPresent();
    }

    @Test
    void replaceHeldByWhenTheNewPairCannotBeSavedThenTheEarlierTokensStay() {
        TokenPair earlier = pair("p1", CLIENT_A, ALICE, now(), "f1");
        TokenPair bob = pair("p2", CLIENT_A, BOB, now(), "f2");
        List.of(earlier, bob).forEach(store::save);
        // Its refresh token's digest is already stored (Bob's): the save fails.
        TokenPair clash = new TokenPair(access("p3-a", CLIENT_A, ALICE, now(), HOUR, FamilyId.of("f2")), bob.refresh());

        assertThatThrownBy(() -> store.replaceHeldBy(TokenHolder.of(CLIENT_A, ALICE), clash))
                .isInstanceOf(StorageException.class);

        assertThat(store.findAccessToken(earlier.access().digest())).contains(earlier.access());
        assertThat(store.findRefreshToken(earlier.refresh().digest())).contains(earlier.refresh());
        assertThat(store.findAccessToken(clash.access().digest())).isEmpty();
    }

    @Test
    void revokeAccessTokenWhenStoredThenTrueAndGone() {
        AccessToken token = access("t1", CLIENT_A, ALICE, now());
        store.save(TokenPair.accessOnly(token));

        assertThat(store.revokeAccessToken(token.digest())).isTrue();

        assertThat(store.findAccessToken(token.digest())).isEmpty();
    }

    @Test
    void revokeAccessTokenWhenUnknownThenFalse() {
        assertThat(store.revokeAccessToken(digest("nothing"))).isFalse();
    }

    @Test
    void revokeFamilyWhenCalledThenNoTokenOfTheFamilyIsLiveAndOthersStay() {
        TokenPair first = pair("p1", CLIENT_A, ALICE, now(), "family-1");
        store.save(first);
        TokenPair rotated = pair("p2", CLIENT_A, ALICE, now(), "family-1");
        store.rotate(first.refresh().digest(), rotated);
        TokenPair other = pair("p3", CLIENT_A, ALICE, now(), "family-2");
        store.save(other);

        int revoked = store.revokeFamily(FamilyId.of("family-1"));

        assertThat(revoked).isEqualTo(4);
        assertThat(store.findAccessToken(first.access().digest())).isEmpty();
        assertThat(store.findRefreshToken(first.refresh().digest())).isEmpty();
        assertThat(store.findAccessToken(rotated.access().digest())).isEmpty();
        assertThat(store.findRefreshToken(rotated.refresh().digest())).isEmpty();
        assertThat(store.findAccessToken(other.access().digest())).isPresent();
        assertThat(store.findRefreshToken(other.refresh().digest())).isPresent();
    }

    @Test
    void revokeOwnerWhenUserOnlyThenEveryTokenOfTheUserWithAnyClientGoes() {
        TokenPair aliceA = pair("p1", CLIENT_A, ALICE, now(), "f1");
        TokenPair aliceB = pair("p2", CLIENT_B, ALICE, now(), "f2");
        TokenPair bobA = pair("p3", CLIENT_A, BOB, now(), "f3");
        List.of(aliceA, aliceB, bobA).forEach(store::save);

        int revoked = store.revokeSelected(HolderSelector.user(ALICE));

        assertThat(revoked).isEqualTo(4);
        assertThat(store.findAccessToken(aliceA.access().digest())).isEmpty();
        assertThat(store.findRefreshToken(aliceB.refresh().digest())).isEmpty();
        assertThat(store.findAccessToken(bobA.access().digest())).isPresent();
        assertThat(store.findRefreshToken(bobA.refresh().digest())).isPresent();
    }

    @Test
    void revokeOwnerWhenClientOnlyThenEveryTokenOfTheClientGoesWithAndWithoutUser() {
        AccessToken machine = access("m1", CLIENT_A, null, now());
        store.save(TokenPair.accessOnly(machine));
        TokenPair aliceA = pair("p1", CLIENT_A, ALICE, now(), "f1");
        TokenPair aliceB = pair("p2", CLIENT_B, ALICE, now(), "f2");
        List.of(aliceA, aliceB).forEach(store::save);

        int revoked = store.revokeSelected(HolderSelector.client(CLIENT_A));

        assertThat(revoked).isEqualTo(3);
        assertThat(store.findAccessToken(machine.digest())).isEmpty();
        assertThat(store.findRefreshToken(aliceA.refresh().digest())).isEmpty();
        assertThat(store.findAccessToken(aliceB.access().digest())).isPresent();
    }

    @Test
    void revokeOwnerWhenPairThenOnlyThatPairsTokensGo() {
        TokenPair aliceA = pair("p1", CLIENT_A, ALICE, now(), "f1");
        TokenPair aliceB = pair("p2", CLIENT_B, ALICE, now(), "f2");
        TokenPair bobA = pair("p3", CLIENT_A, BOB, now(), "f3");
        List.of(aliceA, aliceB, bobA).forEach(store::save);

        int revoked = store.revokeSelected(HolderSelector.pair(CLIENT_A, ALICE));

        assertThat(revoked).isEqualTo(2);
        assertThat(store.findAccessToken(aliceA.access().digest())).isEmpty();
        assertThat(store.findAccessToken(aliceB.access().digest())).isPresent();
        assertThat(store.findAccessToken(bobA.access().digest())).isPresent();
    }

    @Test
    void revokeHolderWhenWithoutUsernameThenOnlyTheClientsOwnTokensGo() {
        AccessToken machine = access("m1", CLIENT_A, null, now());
        store.save(TokenPair.accessOnly(machine));
        TokenPair aliceA = pair("p1", CLIENT_A, ALICE, now(), "f1");
        store.save(aliceA);

        int revoked = store.revokeHeldBy(TokenHolder.of(CLIENT_A, null));

        assertThat(revoked).isEqualTo(1);
        assertThat(store.findAccessToken(machine.digest())).isEmpty();
        assertThat(store.findAccessToken(aliceA.access().digest())).isPresent();
    }

    @Test
    void revokeHolderWhenWithUsernameThenBothKindsOfThatHolderGo() {
        TokenPair aliceA = pair("p1", CLIENT_A, ALICE, now(), "f1");
        TokenPair bobA = pair("p2", CLIENT_A, BOB, now(), "f2");
        List.of(aliceA, bobA).forEach(store::save);

        int revoked = store.revokeHeldBy(TokenHolder.of(CLIENT_A, ALICE));

        assertThat(revoked).isEqualTo(2);
        assertThat(store.findRefreshToken(aliceA.refresh().digest())).isEmpty();
        assertThat(store.findAccessToken(bobA.access().digest())).isPresent();
    }

    @Test
    void findLatestAccessTokenWhenSeveralThenReturnsTheMostRecentlyIssued() {
        AccessToken older = access("t1", CLIENT_A, ALICE, now().minusSeconds(60));
        AccessToken newer = access("t2", CLIENT_A, ALICE, now());
        AccessToken otherClient = access("t3", CLIENT_B, ALICE, now().plusSeconds(1));
        List.of(older, newer, otherClient).forEach(t -> store.save(TokenPair.accessOnly(t)));

        assertThat(store.findLatestAccessToken(TokenHolder.of(CLIENT_A, ALICE))).contains(newer);
    }

    @Test
    void findLatestAccessTokenWhenIssuedAtTiesThenTheLargerTokenIdWins() {
        AccessToken first = access("t1", CLIENT_A, ALICE, now());
        AccessToken second = access("t2", CLIENT_A, ALICE, now());
        List.of(second, first).forEach(t -> store.save(TokenPair.accessOnly(t)));

        assertThat(store.findLatestAccessToken(TokenHolder.of(CLIENT_A, ALICE))).contains(second);
    }

    @Test
    void findLatestAccessTokenWhenNewestExpiredThenEmpty() {
        AccessToken token = access("t1", CLIENT_A, ALICE, now(), Duration.ofMinutes(1), null);
        store.save(TokenPair.accessOnly(token));

        clock.advance(Duration.ofMinutes(1));

        assertThat(store.findLatestAccessToken(TokenHolder.of(CLIENT_A, ALICE))).isEmpty();
    }

    @Test
    void findLatestAccessTokenWhenHolderHasNoUsernameThenMatchesClientOnlyTokens() {
        AccessToken machine = access("m1", CLIENT_A, null, now().minusSeconds(5));
        AccessToken alice = access("t1", CLIENT_A, ALICE, now());
        List.of(machine, alice).forEach(t -> store.save(TokenPair.accessOnly(t)));

        assertThat(store.findLatestAccessToken(TokenHolder.of(CLIENT_A, null))).contains(machine);
    }

    @Test
    void deleteExpiredWhenMoreExpiredThanTheBatchThenDeletesAtMostTheBatchEachCall() {
        for (int i = 0; i < 5; i++) {
            store.save(pair("old" + i, CLIENT_A, ALICE, now(), "f" + i));
        }
        AccessToken live = access("live", CLIENT_A, ALICE, now().plus(Duration.ofDays(60)), HOUR, null);
        store.save(TokenPair.accessOnly(live));
        clock.advance(Duration.ofDays(31));

        int first = store.deleteExpired(4);
        int second = store.deleteExpired(4);
        int third = store.deleteExpired(4);
        int fourth = store.deleteExpired(4);

        assertThat(List.of(first, second, third, fourth)).containsExactly(4, 4, 2, 0);
        clock.set(live.issuedAt());
        assertThat(store.findAccessToken(live.digest())).contains(live);
    }

    @Test
    void deleteExpiredWhenOnlyAccessTokensExpiredThenRefreshTokensStay() {
        TokenPair tokens = pair("p1", CLIENT_A, ALICE, now(), "f1");
        store.save(tokens);
        clock.advance(Duration.ofHours(2));

        int deleted = store.deleteExpired(100);

        assertThat(deleted).isEqualTo(1);
        assertThat(store.findRefreshToken(tokens.refresh().digest())).contains(tokens.refresh());
    }
}
