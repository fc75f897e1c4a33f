package dev.tokenservice.persistence;

import dev.tokenservice.core.port.ThrottleStore;
import dev.tokenservice.testkit.contract.ThrottleStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiThrottleStorePostgresContractTest extends ThrottleStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected ThrottleStore newStore() {
        return DATABASE.empty().throttleStore();
    }
}
