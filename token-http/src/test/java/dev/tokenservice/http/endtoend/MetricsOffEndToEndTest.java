package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ObservabilityConfig;
import dev.tokenservice.http.testing.TokenServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code TOKEN_METRICS=off}: no {@code /metrics}, and the rest of the API as before. */
class MetricsOffEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(
            config -> config.withObservability(ObservabilityConfig.DEFAULT.withMetrics(false)));

    @Test
    void scrapeWhenMetricsOffThen404EvenForAnAdministrator() {
        WireClient client = new WireClient(server.baseUri());

        Reply reply = client.get("/metrics", "Authorization", bearer(server.adminToken()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("not_found");
        assertThat(client.get("/auth/tokens", "Authorization", bearer(server.adminToken())).status()).isEqualTo(200);
    }
}
