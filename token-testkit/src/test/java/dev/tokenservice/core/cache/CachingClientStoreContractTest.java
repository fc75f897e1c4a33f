package dev.tokenservice.core.cache;

import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.contract.ClientStoreContract;

/** The cache is a ClientStore like any other: on a clock that stands still, only its own writes can change it. */
class CachingClientStoreContractTest extends ClientStoreContract {
    @Override
    protected ClientStore newStore() {
        return new CachingClientStore(new InMemoryClientStore(), MutableClock.start(), CachingClientStore.DEFAULT_TTL);
    }
}
