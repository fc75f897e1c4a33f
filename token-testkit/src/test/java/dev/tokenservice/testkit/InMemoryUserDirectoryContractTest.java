package dev.tokenservice.testkit;

import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.testkit.contract.UserDirectoryContract;

class InMemoryUserDirectoryContractTest extends UserDirectoryContract {
    @Override
    protected UserAccountStore newAccountStore() {
        return new InMemoryUserAccountStore();
    }
}
