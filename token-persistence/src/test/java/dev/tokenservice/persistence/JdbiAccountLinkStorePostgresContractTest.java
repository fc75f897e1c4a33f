package dev.tokenservice.persistence;

import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.testkit.contract.AccountLinkStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiAccountLinkStorePostgresContractTest extends AccountLinkStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected AccountLinkStore newStore() {
        return DATABASE.empty().accountLinkStore();
    }
}
