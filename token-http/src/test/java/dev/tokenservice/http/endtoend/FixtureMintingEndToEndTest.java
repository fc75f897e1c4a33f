package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.testing.TestTokenServer;
import dev.tokenservice.http.testing.TokenServerExtension;
import dev.tokenservice.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens minted without a grant are stored as a grant stores them: every endpoint sees them over HTTP. */
class FixtureMintingEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(
            TestTokenServer.builder().clock(MutableClock.start())).resetBeforeEachTest();

    private static final String RESOURCE_SERVER = "orders.api";
    private static final String RESOURCE_SECRET = "orders-s3cret";
    private static final String WEB = "web.app";
    private static final String JANE = "jane";

    private WireClient client;

    @BeforeEach
    void register() {
        client = new WireClient(server.baseUri());
        server.registerClient(RESOURCE_SERVER, RESOURCE_SECRET, Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
        server.registerClient(WEB, null, Scope.of("orders:read"), GrantType.PASSWORD);
        server.registerUser(JANE, "pw");
    }

    private JsonNode introspect(String token) {
        return client.postForm("/oauth/introspect", form("token", token), "Authorization",
                basic(RESOURCE_SERVER, RESOURCE_SECRET)).json();
    }

    @Test
    void mintedTokenWhenIntrospectedThenActiveWithItsSubjectClientScopeAndLifetime() {
        String token = server.mintAccessToken(WEB, JANE, Scope.of("orders:read", "orders:write"),
                Duration.ofMinutes(7));

        JsonNode active = introspect(token);

        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("client_id").asText()).isEqualTo(WEB);
        assertThat(active.get("username").asText()).isEqualTo(JANE);
        assertThat(active.get("scope").asText()).isEqualTo("orders:read orders:write");
        assertThat(active.get("exp").asLong() - active.get("iat").asLong())
                .isEqualTo(Duration.ofMinutes(7).toSeconds());
    }

    @Test
    void mintedTokenWhenLifetimePassesThenInactive() {
        String token = server.mintAccessToken(WEB, JANE, Scope.of("orders:read"), Duration.ofSeconds(30));

        server.clock().advance(Duration.ofSeconds(30));

        assertThat(introspect(token).get("active").asBoolean()).isFalse();
    }

    @Test
    void mintedTokenWhenRevokedOverHttpThenInactive() {
        String token = server.mintAccessToken(RESOURCE_SERVER, null, Scope.EMPTY, Duration.ofMinutes(5));

        WireClient.Reply revoked = client.postForm("/oauth/revoke", form("token", token), "Authorization",
                basic(RESOURCE_SERVER, RESOURCE_SECRET));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(introspect(token).get("active").asBoolean()).isFalse();
    }

    @Test
    void mintedTokenWhenReadByAdministrationThenShownWithItsValue() {
        String token = server.mintAccessToken(WEB, JANE, Scope.of("orders:read"), Duration.ofMinutes(5));

        WireClient.Reply shown = client.get("/auth/tokens/" + JANE + "/" + WEB, "Authorization",
                bearer(server.adminToken()));

        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().get("token").asText()).isEqualTo(token);
        assertThat(shown.json().get("client_id").asText()).isEqualTo(WEB);
    }

    @Test
    void mintedTokenWhenUsedAsBearerOfAdministrationThenAccepted() {
        server.registerClient(Client.builder("ops")
                .grantTypes(GrantType.CLIENT_CREDENTIALS)
                .authorities(Authority.TOKENS_ADMIN)
                .build());
        String token = server.mintAccessToken("ops", null, Scope.EMPTY, Duration.ofMinutes(5));

        assertThat(client.get("/auth/tokens?client_id=" + WEB, "Authorization", bearer(token)).status())
                .isEqualTo(200);
    }

    @Test
    void mintWhenClientOrUserUnknownThenRefusedWithReason() {
        assertThatThrownBy(() -> server.mintAccessToken("nobody", null, Scope.EMPTY, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no client 'nobody'");
        assertThatThrownBy(() -> server.mintAccessToken(WEB, "ghost", Scope.EMPTY, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no user 'ghost'");
        assertThatThrownBy(() -> server.mintAccessToken(WEB, JANE, Scope.EMPTY, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetTokensWhenCalledThenIssuedAndMintedTokensInactive() {
        String minted = server.mintAccessToken(WEB, JANE, Scope.of("orders:read"), Duration.ofMinutes(5));
        String issued = client.postForm("/oauth/token", form("grant_type", "password", "client_id", WEB,
                "username", JANE, "password", "pw")).json().get("access_token").asText();

        server.resetTokens();

        assertThat(introspect(minted).get("active").asBoolean()).isFalse();
        assertThat(introspect(issued).get("active").asBoolean()).isFalse();
    }

    @Test
    void eachTestWhenResetBeforeEachThenStartsAtTheClockStart() {
        // Another test moved the clock; resetBeforeEachTest() put it back.
        assertThat(server.clock().instant()).isEqualTo(MutableClock.DEFAULT_START);
        server.clock().advance(Duration.ofDays(1));
    }
}
