package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.testing.TestTokenServer;
import dev.tokenservice.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture's clock moves the server's time over HTTP, on the in-memory stores and on H2 alike: tokens expire and
 * refresh families die without a sleep.
 */
class FixtureClockEndToEndTest {
    private static final String RESOURCE_SERVER = "orders.api";
    private static final String RESOURCE_SECRET = "orders-s3cret";
    private static final String WEB = "web.app";
    private static final String JANE = "jane@example.com";

    static Stream<Arguments> storage() {
        return Stream.of(
                Arguments.of("in memory", (Supplier<TestTokenServer.Builder>) TestTokenServer::builder),
                Arguments.of("H2", (Supplier<TestTokenServer.Builder>) () -> TestTokenServer.builder().h2()));
    }

    private static TestTokenServer start(Supplier<TestTokenServer.Builder> builder) {
        TestTokenServer server = builder.get()
                .config(c -> c.toBuilder().accessTokenTtl(Duration.ofMinutes(5)).refreshTokenTtl(Duration.ofHours(1))
                        .build())
                .start();
        server.registerClient(RESOURCE_SERVER, RESOURCE_SECRET, Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
        server.registerClient(WEB, null, Scope.of("orders:read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        server.registerUser(JANE, "pw");
        return server;
    }

    private static JsonNode introspect(WireClient client, String token) {
        return client.postForm("/oauth/introspect", form("token", token), "Authorization",
                basic(RESOURCE_SERVER, RESOURCE_SECRET)).json();
    }

    private static JsonNode login(WireClient client) {
        return client.postForm("/oauth/token", form("grant_type", "password", "client_id", WEB, "username", JANE,
                "password", "pw")).json();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storage")
    void accessTokenWhenClockPassesItsLifetimeThenInactive(String name, Supplier<TestTokenServer.Builder> builder) {
        try (TestTokenServer server = start(builder)) {
            WireClient client = new WireClient(server.baseUri());
            String token = login(client).get("access_token").asText();

            server.clock().advance(Duration.ofMinutes(5).minusSeconds(1));
            assertThat(introspect(client, token).get("active").asBoolean()).isTrue();

            server.clock().advance(Duration.ofSeconds(1));
            assertThat(introspect(client, token).get("active").asBoolean()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storage")
    void refreshTokenWhenClockPassesItsLifetimeThenRefused(String name, Supplier<TestTokenServer.Builder> builder) {
        try (TestTokenServer server = start(builder)) {
            WireClient client = new WireClient(server.baseUri());
            String refresh = login(client).get("refresh_token").asText();

            server.clock().advance(Duration.ofMinutes(59));
            WireClient.Reply rotated = client.postForm("/oauth/token", form("grant_type", "refresh_token",
                    "client_id", WEB, "refresh_token", refresh));
            assertThat(rotated.status()).isEqualTo(200);
            String next = rotated.json().get("refresh_token").asText();

            server.clock().advance(Duration.ofHours(1));
            WireClient.Reply refused = client.postForm("/oauth/token", form("grant_type", "refresh_token",
                    "client_id", WEB, "refresh_token", next));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).isEqualTo("invalid_grant");
            assertThat(introspect(client, next).get("active").asBoolean()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storage")
    void issuedTokenCarriesTheServerClockTime(String name, Supplier<TestTokenServer.Builder> builder) {
        MutableClock clock = MutableClock.at(Instant.parse("2031-06-01T12:00:00Z"));
        try (TestTokenServer server = start(() -> builder.get().clock(clock))) {
            WireClient client = new WireClient(server.baseUri());
            JsonNode active = introspect(client, login(client).get("access_token").asText());

            assertThat(server.clock()).isSameAs(clock);
            assertThat(active.get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
            assertThat(active.get("exp").asLong())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond());
        }
    }
}
