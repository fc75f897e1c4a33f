package dev.tokenservice.persistence;

import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.testkit.contract.AccountLinkStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiAccountLinkStoreH2ContractTest extends AccountLinkStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected AccountLinkStore newStore() {
        return DATABASE.empty().accountLinkStore();
    }
}
