package dev.tokenservice.persistence;

import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.testkit.contract.TokenStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTokenStorePostgresContractTest extends TokenStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected TokenStore newStore(Clock clock) {
        return DATABASE.empty().tokenStore(clock);
    }
}
