package dev.tokenservice.persistence;

import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.testkit.contract.UserAccountStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiUserAccountStorePostgresContractTest extends UserAccountStoreContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected UserAccountStore newAccountStore() {
        return DATABASE.empty().userAccountStore();
    }
}
