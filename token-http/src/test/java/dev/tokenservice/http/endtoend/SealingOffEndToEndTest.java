package dev.tokenservice.http.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.testing.TokenServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With sealing off only digests are stored, so the single view cannot show the value. */
class SealingOffEndToEndTest {
    @RegisterExtension
    final TokenServerExtension server = new TokenServerExtension(config -> config.withSealingKey(ServerConfig.SEALING_OFF));

    @Test
    void getWhenSealingOffThenTokenIsNull() {
        server.registerClient("web.app", null, Scope.of("read"), GrantType.PASSWORD);
        server.registerUser("jane", "pw");
        server.passwordToken("web.app", null, "jane", "pw");
        WireClient client = new WireClient(server.baseUri());

        Reply reply = client.get("/auth/tokens/jane/web.app", "Authorization", WireClient.bearer(server.adminToken()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("token")).isTrue();
        assertThat(reply.json().get("token").isNull()).isTrue();
        assertThat(reply.json().get("username").asText()).isEqualTo("jane");
    }
}
