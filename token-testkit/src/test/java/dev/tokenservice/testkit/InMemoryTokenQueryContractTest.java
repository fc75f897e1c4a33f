package dev.tokenservice.testkit;

import dev.tokenservice.testkit.contract.TokenQueryContract;
import java.time.Clock;

class InMemoryTokenQueryContractTest extends TokenQueryContract {
    @Override
    protected Stores newStores(Clock clock) {
        InMemoryTokenStore store = new InMemoryTokenStore(clock);
        return new Stores(store, store);
    }
}
