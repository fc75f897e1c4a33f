package dev.tokenservice.testkit;

import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.testkit.contract.AccountLinkStoreContract;

class InMemoryAccountLinkStoreContractTest extends AccountLinkStoreContract {
    @Override
    protected AccountLinkStore newStore() {
        return new InMemoryAccountLinkStore();
    }
}
