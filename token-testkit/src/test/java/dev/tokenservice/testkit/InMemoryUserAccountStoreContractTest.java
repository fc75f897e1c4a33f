package dev.tokenservice.testkit;

import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.testkit.contract.UserAccountStoreContract;

class InMemoryUserAccountStoreContractTest extends UserAccountStoreContract {
    @Override
    protected UserAccountStore newAccountStore() {
        return new InMemoryUserAccountStore();
    }
}
