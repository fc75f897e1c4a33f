package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.auth.InMemoryThrottleStore;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.http.HandWiredServer;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.InMemoryTokenStore;
import dev.tokenservice.testkit.InMemoryUserAccountStore;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestHashers;
import dev.tokenservice.testkit.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authentication throttle over a real socket, on a core whose clock the test moves: 50 wrong client secrets, or
 * 50 wrong passwords, end in {@code 429} with {@code Retry-After} long before the 50th, and the right credentials are
 * accepted once the wait is over. No sleeps: the clock is advanced by the {@code Retry-After} the server sent.
 */
class ThrottleEndToEndTest {
    private static final ThrottleSettings SETTINGS = ThrottleSettings.DEFAULT;

    private final MutableClock clock = MutableClock.start();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
    private final InMemoryThrottleStore failures = new InMemoryThrottleStore();
    private HandWiredServer server;
    private WireClient wire;

    @BeforeEach
    void start() throws Exception {
        InMemoryUserAccountStore accounts = new InMemoryUserAccountStore();
        accounts.save(TestUsers.alice());
        TokenServices core = TokenServices.builder()
                .tokenStore(tokens)
                .tokenQuery(tokens)
                .clientStore(InMemoryClientStore.of(TestClients.confidential().build(),
                        TestClients.publicClient().build()))
                .userDirectory(new StoredUserDirectory(accounts, TestHashers.fast()))
                .secretHasher(TestHashers.fast())
                .clock(clock)
                .throttle(new AuthenticationThrottle(failures, SETTINGS, clock))
                .build();
        server = HandWiredServer.start(core);
        wire = new WireClient(server.baseUri());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Reply clientCredentials(String secret) {
        return wire.postForm("/oauth/token", form("grant_type", "client_credentials",
                "client_id", TestClients.CONFIDENTIAL_ID.value(), "client_secret", secret));
    }

    private Reply password(String clientId, String password) {
        return wire.postForm("/oauth/token", form("grant_type", "password", "client_id", clientId,
                "username", TestUsers.ALICE.value(), "password", password));
    }

    private static List<Integer> statuses(List<Reply> replies) {
        return replies.stream().map(Reply::status).toList();
    }

    @Test
    void tokenWhenFiftyWrongClientSecretsThen429WithRetryAfterFromTheSixth() {
        List<Reply> replies = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            replies.add(clientCredentials("wrong-" + i));
        }

        assertThat(statuses(replies.subList(0, SETTINGS.failures()))).containsOnly(401);
        assertThat(statuses(replies.subList(SETTINGS.failures(), 50))).containsOnly(429);
        Reply throttled = replies.get(SETTINGS.failures());
        assertThat(throttled.header("Retry-After")).contains("1");
        assertThat(throttled.header("Cache-Control")).contains("no-store");
        assertThat(throttled.header("Pragma")).contains("no-cache");
        assertThat(throttled.json().get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(throttled.json().get("error_description").asText()).isNotBlank();
    }

    @Test
    void tokenWhenWaitOfRetryAfterIsOverThenRightSecretIsAccepted() {
        for (int i = 0; i < 50; i++) {
            clientCredentials("wrong-" + i);
        }
        Reply throttled = clientCredentials(TestClients.SECRET);
        clock.advance(Duration.ofSeconds(Long.parseLong(throttled.header("Retry-After").orElseThrow())));

        Reply accepted = clientCredentials(TestClients.SECRET);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("access_token").asText()).isNotBlank();
    }

    @Test
    void tokenWhenRightSecretAcceptedAfterFailuresThenCountStartsAfresh() {
        for (int i = 0; i < SETTINGS.failures(); i++) {
            clientCredentials("wrong-" + i);
        }
        clock.advance(SETTINGS.firstDelay());
        clientCredentials(TestClients.SECRET);

        List<Reply> again = new ArrayList<>();
        for (int i = 0; i < SETTINGS.failures(); i++) {
            again.add(clientCredentials("wrong-again-" + i));
        }

        assertThat(statuses(again)).containsOnly(401);
    }

    @Test
    void tokenWhenThrottledThenNoTokenIsStored() {
        for (int i = 0; i < 50; i++) {
            clientCredentials("wrong-" + i);
        }

        Reply refused = clientCredentials(TestClients.SECRET);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void tokenWhenFiftyWrongPasswordsThen429WithRetryAfterFromTheSixth() {
        List<Reply> replies = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            replies.add(password(TestClients.PUBLIC_ID.value(), "wrong-" + i));
        }

        assertThat(statuses(replies.subList(0, SETTINGS.failures()))).containsOnly(400);
        assertThat(statuses(replies.subList(SETTINGS.failures(), 50))).containsOnly(429);
        assertThat(replies.get(SETTINGS.failures()).header("Retry-After")).contains("1");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void tokenWhenPasswordWaitIsOverThenRightPasswordIsAccepted() {
        for (int i = 0; i < 50; i++) {
            password(TestClients.PUBLIC_ID.value(), "wrong-" + i);
        }
        Reply throttled = password(TestClients.PUBLIC_ID.value(), TestUsers.ALICE_PASSWORD);
        clock.advance(Duration.ofSeconds(Long.parseLong(throttled.header("Retry-After").orElseThrow())));

        Reply accepted = password(TestClients.PUBLIC_ID.value(), TestUsers.ALICE_PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void tokenWhenUserIsThrottledThroughOneClientThenAnotherClientStillSignsHerIn() {
        for (int i = 0; i < 50; i++) {
            password(TestClients.PUBLIC_ID.value(), "wrong-" + i);
        }

        Reply other = wire.postForm("/oauth/token", form("grant_type", "password",
                "client_id", TestClients.CONFIDENTIAL_ID.value(), "client_secret", TestClients.SECRET,
                "username", TestUsers.ALICE.value(), "password", TestUsers.ALICE_PASSWORD));

        assertThat(other.status()).isEqualTo(200);
    }

    private void waitOut(Reply reply) {
        reply.header("Retry-After").ifPresent(seconds -> clock.advance(Duration.ofSeconds(Long.parseLong(seconds))));
    }

    @Test
    void tokenWhenGuessingStopsThenTheRightSecretWaitsNoLongerThanTheLongestDelay() {
        // A patient guesser: waits out every Retry-After and guesses again, until the waits reach their cap.
        for (int i = 0; i < 60; i++) {
            waitOut(clientCredentials("wrong-" + i));
        }
        Reply lastGuess;
        do {
            lastGuess = clientCredentials("wrong-last");
            waitOut(lastGuess);
        } while (lastGuess.status() == 429);

        Reply throttled = clientCredentials(TestClients.SECRET);
        clock.advance(SETTINGS.maxDelay());
        Reply accepted = clientCredentials(TestClients.SECRET);

        assertThat(lastGuess.status()).isEqualTo(401);
        assertThat(throttled.header("Retry-After")).contains(String.valueOf(SETTINGS.maxDelay().getSeconds()));
        assertThat(accepted.status()).isEqualTo(200);
    }
}
