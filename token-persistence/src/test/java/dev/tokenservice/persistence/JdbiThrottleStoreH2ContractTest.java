package dev.tokenservice.persistence;

import dev.tokenservice.core.port.ThrottleStore;
import dev.tokenservice.testkit.contract.ThrottleStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiThrottleStoreH2ContractTest extends ThrottleStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected ThrottleStore newStore() {
        return DATABASE.empty().throttleStore();
    }
}
