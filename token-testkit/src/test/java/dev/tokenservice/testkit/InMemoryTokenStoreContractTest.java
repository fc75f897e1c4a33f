package dev.tokenservice.testkit;

import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.testkit.contract.TokenStoreContract;
import java.time.Clock;

class InMemoryTokenStoreContractTest extends TokenStoreContract {
    @Override
    protected TokenStore newStore(Clock clock) {
        return new InMemoryTokenStore(clock);
    }
}
