package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenservice.core.grant.RefreshTokenGrantStrategy;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.RefreshFamilySettings;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The refresh grace window over a real socket: a client that lost the answer to its refresh sends the same request
 * again and gets the same tokens; a client whose window is off loses its family as before.
 */
class RefreshGraceEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(config -> config.withRefreshFamilies(
            RefreshFamilySettings.DEFAULT.withGraceWindow(Duration.ofSeconds(60))));

    private static final String WEB = "web.app";
    private static final String STRICT = "strict.app";
    private static final String JANE = "jane";
    private static final String JANE_PASSWORD = "pw";

    private static WireClient client;

    @BeforeAll
    static void register() {
        client = new WireClient(server.baseUri());
        server.registerClient(WEB, null, Scope.of("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        server.registerClient(Client.builder(STRICT).grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN)
                .allowedScopes(Scope.of("read")).refreshGraceWindow(Duration.ZERO).build());
        server.registerUser(JANE, JANE_PASSWORD);
    }

    private static String login(String clientId) {
        Reply reply = client.postForm("/oauth/token",
                form("grant_type", "password", "client_id", clientId, "username", JANE, "password", JANE_PASSWORD));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("refresh_token").asText();
    }

    private static Reply refresh(String clientId, String refreshToken) {
        return client.postForm("/oauth/token",
                form("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    @Test
    void refreshWhenSentAgainWithinTheWindowThenTheSameTokensComeBack() {
        String original = login(WEB);
        JsonNode first = refresh(WEB, original).json();

        Reply again = refresh(WEB, original);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("access_token").asText()).isEqualTo(first.get("access_token").asText());
        assertThat(again.json().get("refresh_token").asText()).isEqualTo(first.get("refresh_token").asText());
        assertThat(refresh(WEB, first.get("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void refreshWhenRetiredTokenSentAfterItsSuccessorWasUsedThenTheFamilyIsRevoked() {
        String original = login(WEB);
        String successor = refresh(WEB, original).json().get("refresh_token").asText();
        String newest = refresh(WEB, successor).json().get("refresh_token").asText();

        Reply reuse = refresh(WEB, original);

        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(reuse.json().get("error_description").asText())
                .isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
        assertThat(refresh(WEB, newest).status()).isEqualTo(400);
    }

    @Test
    void refreshWhenClientTurnedTheWindowOffThenSendingAgainRevokesTheFamily() {
        String original = login(STRICT);
        String successor = refresh(STRICT, original).json().get("refresh_token").asText();

        Reply again = refresh(STRICT, original);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error_description").asText())
                .isEqualTo(RefreshTokenGrantStrategy.REUSED_FAMILY_REVOKED);
        assertThat(refresh(STRICT, successor).status()).isEqualTo(400);
    }
}
