package dev.tokenservice.persistence;

import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.testkit.contract.ClientStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiClientStorePostgresContractTest extends ClientStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected ClientStore newStore() {
        return DATABASE.empty().clientStore();
    }
}
