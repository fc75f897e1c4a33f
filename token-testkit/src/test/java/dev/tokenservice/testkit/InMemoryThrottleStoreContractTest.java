package dev.tokenservice.testkit;

import dev.tokenservice.core.auth.InMemoryThrottleStore;
import dev.tokenservice.core.port.ThrottleStore;
import dev.tokenservice.testkit.contract.ThrottleStoreContract;

class InMemoryThrottleStoreContractTest extends ThrottleStoreContract {
    @Override
    protected ThrottleStore newStore() {
        return new InMemoryThrottleStore();
    }
}
