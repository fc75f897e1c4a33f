package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpiredTokenCleanupTest {

    @Test
    void runOnceWhenMoreThanOneBatchExpiredThenDeletesAllInBatches() {
        InMemoryPorts ports = new InMemoryPorts().with(TestClients.admin().build());
        TokenServices core = ports.core();
        int count = ExpiredTokenCleanup.BATCH_SIZE * 2 + 500;
        for (int i = 0; i < count; i++) {
            core.tokenService().issue(new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                    TestClients.credentials(TestClients.admin().build()), Map.of()));
        }
        ports.clock().advance(Duration.ofHours(2));
        core.tokenService().issue(new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                TestClients.credentials(TestClients.admin().build()), Map.of()));

        try (ExpiredTokenCleanup cleanup = ExpiredTokenCleanup.schedule(ports.tokens(), ports.throttle(),
                Duration.ofHours(1))) {
            int deleted = cleanup.runOnce();

            assertThat(deleted).isEqualTo(count);
            assertThat(ports.tokens().size()).isEqualTo(1);
        }
    }
}
