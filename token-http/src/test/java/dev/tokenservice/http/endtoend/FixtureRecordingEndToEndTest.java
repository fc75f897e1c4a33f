package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.testing.RecordedRequest;
import dev.tokenservice.http.testing.TestTokenServer;
import dev.tokenservice.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fixture records what a client sent, as MockWebServer does, with the server's answer; secrets stay hidden. */
class FixtureRecordingEndToEndTest {
    private static TestTokenServer server;
    private static WireClient client;

    @BeforeAll
    static void start() {
        server = TestTokenServer.builder().clock(MutableClock.start()).httpTimeout(Duration.ofSeconds(5)).start();
        client = new WireClient(server.baseUri());
        server.registerClient("billing", "s3cret", Scope.of("invoices"), GrantType.CLIENT_CREDENTIALS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        server.reset();
    }

    @Test
    void takeRequestWhenClientFetchedATokenThenShowsWhatItSentAndTheStatus() {
        client.postForm("/oauth/token", form("grant_type", "client_credentials", "scope", "invoices"),
                "Authorization", basic("billing", "s3cret"), "X-Request-Id", "r-42");

        RecordedRequest request = server.takeRequest();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/oauth/token");
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.formParameter("grant_type")).contains("client_credentials");
        assertThat(request.formParameter("scope")).contains("invoices");
        assertThat(request.header("authorization")).contains(basic("billing", "s3cret"));
        assertThat(request.header("X-Request-Id")).contains("r-42");
        assertThat(request.receivedAt()).isEqualTo(server.clock().instant());
    }

    @Test
    void takeRequestWhenSeveralThenOldestFirstAndEachOnce() {
        client.get("/health");
        client.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id", "billing",
                "client_secret", "wrong"));

        assertThat(server.takeRequest().path()).isEqualTo("/health");
        RecordedRequest refused = server.takeRequest();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.formParameter("client_secret")).contains("wrong");
        assertThat(server.recordedRequests()).hasSize(2);
        assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no request within");
    }

    @Test
    void recordWhenEndpointRefusedBeforeReadingTheBodyThenHoldsTheWholeBody() {
        client.send("POST", "/no/such/path", "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        RecordedRequest request = server.takeRequest();

        assertThat(request.status()).isEqualTo(404);
        assertThat(request.body()).isEqualTo("{\"a\":1}");
        assertThat(request.form()).isEmpty();
    }

    @Test
    void toStringWhenFormHoldsSecretsThenHidesThemAndShowsTheRest() {
        client.postForm("/oauth/token?debug=1", form("grant_type", "password", "client_id", "billing",
                "client_secret", "s3cret", "username", "jane", "password", "hunter2"),
                "Authorization", basic("billing", "s3cret"));

        String shown = server.takeRequest().toString();

        assertThat(shown).startsWith("POST /oauth/token?*** -> 400")
                .contains("grant_type=password", "client_id=billing", "username=jane", "client_secret=***",
                        "password=***", "authorization=***", "content-type=application/x-www-form-urlencoded")
                .doesNotContain("s3cret", "hunter2", "debug");
        assertThat(server.describeRequests()).startsWith("the token server received 1 request:\n  POST /oauth/token");
    }

    @Test
    void fixtureTokenCallWhenServerAnswersThenRecordedToo() {
        server.clientCredentialsToken("billing", "s3cret");

        assertThat(server.takeRequest().formParameter("client_id")).contains("billing");
    }
}
