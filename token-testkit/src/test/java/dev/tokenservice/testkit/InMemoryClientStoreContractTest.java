package dev.tokenservice.testkit;

import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.testkit.contract.ClientStoreContract;

class InMemoryClientStoreContractTest extends ClientStoreContract {
    @Override
    protected ClientStore newStore() {
        return new InMemoryClientStore();
    }
}
