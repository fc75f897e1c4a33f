package dev.tokenservice.persistence;

import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.testkit.contract.UserAccountStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiUserAccountStoreH2ContractTest extends UserAccountStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected UserAccountStore newAccountStore() {
        return DATABASE.empty().userAccountStore();
    }
}
