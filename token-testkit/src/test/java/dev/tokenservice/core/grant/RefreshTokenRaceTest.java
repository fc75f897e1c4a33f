package dev.tokenservice.core.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

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

    private TokenRequest refreshRequestForFreshLogin() {
        TokenResponse login = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
        return TokenRequests.refresh(client, login.refreshToken());
    }

    /** Runs {@code threads} refreshes released together by a start gate; returns how each ended. */
    private List<Outcome> race(TokenRequest refresh, int threads) throws InterruptedException, ExecutionException {
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
                        service.issue(refresh);
                        return new Outcome(true, null);
                    } catch (OAuthException e) {
                        return new Outcome(false, e.error());
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

    private record Outcome(boolean won, OAuthError error) { }
}
