package dev.tokenservice.core.grant;

import static dev.tokenservice.core.OAuthFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.RefreshFamilySettings;
import dev.tokenservice.core.port.UserDirectory;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Concurrent uses of one refresh token: the store's atomic rotation lets exactly one of them through. */
class RefreshTokenRaceTest {
    private final Client client = TestClients.confidential().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final TokenService service = ports.core().tokenService();

    @RepeatedTest(20)
    void issueWhenTwoThreadsRefreshOneTokenThenExactlyOneWinsAndTheOtherGetsInvalidGrant() throws Exception {
        TokenRequest refresh = refreshRequestForFreshLogin();

        List<Outcome> outcomes = race(refresh, 2);

        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won())
                .extracting(Outcome::error).containsExactly(OAuthError.INVALID_GRANT);
    }

    @RepeatedTest(20)
    void issueWhenEightThreadsRefreshOneTokenThenExactlyOneWinsAndTheOthersGetInvalidGrant() throws Exception {
        TokenRequest refresh = refreshRequestForFreshLogin();

        List<Outcome> outcomes = race(refresh, 8);

        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won())
                .extracting(Outcome::error).hasSize(7).containsOnly(OAuthError.INVALID_GRANT);
    }

    @RepeatedTest(20)
    void issueWhenEightThreadsRefreshOneTokenThenEachLoserIsToldWhetherTheFamilyStands() throws Exception {
        TokenRequest refresh = refreshRequestForFreshLogin();

        List<Outcome> outcomes = race(refresh, 8);

        // A loser that read the token before the winner retired it lost the race and leaves the family alone; one that
        // read it afterwards is reuse and revokes the family, the winner's tokens included (and those after it find the
        // token revoked).
        List<String> told = outcomes.stream().filter(outcome -> !outcome.won()).map(Outcome::description).toList();
        boolean familyRevoked = told.contains(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
        TokenResponse winner = outcomes.stream().filter(Outcome::won).findFirst().orElseThrow().response();
        assertThat(service.verifyAccessToken(winner.accessToken()).isPresent()).isEqualTo(!familyRevoked);
        assertThat(told).allMatch(description -> familyRevoked || description.equals(RefreshTokenGrantStrategy.RACE_LOST));
    }

    @Test
    void issueWhenAConcurrentRefreshRotatesTheTokenFirstThenTheLoserIsToldAndTheFamilyStands() {
        InterleavingUserDirectory users = new InterleavingUserDirectory(ports.users());
        TokenService interleaved = ports.coreBuilder().userDirectory(users).build().tokenService();
        TokenRequest refresh = refreshRequestForFreshLogin();
        List<TokenResponse> winner = new ArrayList<>();
        users.beforeNextLookup(() -> winner.add(interleaved.issue(refresh)));

        OAuthException loser = failureOf(() -> interleaved.issue(refresh));

        assertThat(loser.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(loser.description()).isEqualTo(RefreshTokenGrantStrategy.RACE_LOST);
        assertThat(winner).singleElement().satisfies(
                response -> assertThat(interleaved.verifyAccessToken(response.accessToken())).isPresent());
    }

    @RepeatedTest(20)
    void issueWhenEightThreadsRefreshOneTokenWithinTheGraceWindowThenAllGetTheWinnersPair() throws Exception {
        TokenService graceful = ports.coreBuilder()
                .issuance(IssuanceSettings.DEFAULT.withRefreshFamilies(
                        RefreshFamilySettings.DEFAULT.withGraceWindow(Duration.ofSeconds(30))))
                .build().tokenService();
        TokenRequest refresh = refreshRequestForFreshLogin();

        List<Outcome> outcomes = race(graceful, refresh, 8);

        assertThat(outcomes).allMatch(Outcome::won);
        assertThat(outcomes).extracting(Outcome::response).containsOnly(outcomes.get(0).response());
        assertThat(graceful.verifyAccessToken(outcomes.get(0).response().accessToken())).isPresent();
    }

    private TokenRequest refreshRequestForFreshLogin() {
        TokenResponse login = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
        return TokenRequests.refresh(client, login.refreshToken());
    }

    /** Runs {@code threads} refreshes released together by a start gate; returns how each ended. */
    private List<Outcome> race(TokenRequest refresh, int threads) throws InterruptedException, ExecutionException {
        return race(service, refresh, threads);
    }

    private static List<Outcome> race(TokenService service, TokenRequest refresh, int threads)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return new Outcome(service.issue(refresh), null, null);
                    } catch (OAuthException e) {
                        return new Outcome(null, e.error(), e.description());
                    }
                }));
            }
            ready.await();
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(TokenResponse response, OAuthError error, String description) {
        boolean won() {
            return response != null;
        }
    }

    /**
     * A user directory that runs a given action before its next look-up: the refresh grant looks the user up after it
     * read the refresh token and before it rotates it, so an action that refreshes the same token there wins the race
     * deterministically.
     */
    private static final class InterleavingUserDirectory implements UserDirectory {
        private final UserDirectory delegate;
        private final AtomicReference<Runnable> beforeNextLookup = new AtomicReference<>();

        InterleavingUserDirectory(UserDirectory delegate) {
            this.delegate = delegate;
        }

        void beforeNextLookup(Runnable action) {
            beforeNextLookup.set(action);
        }

        @Override
        public Optional<ResourceOwner> authenticate(Username username, Password password) {
            return delegate.authenticate(username, password);
        }

        @Override
        public Optional<ResourceOwner> findByUsername(Username username) {
            Runnable action = beforeNextLookup.getAndSet(null);
            if (action != null) {
                action.run();
            }
            return delegate.findByUsername(username);
        }
    }
}
