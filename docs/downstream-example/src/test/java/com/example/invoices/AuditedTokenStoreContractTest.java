package com.example.invoices;

import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.testkit.contract.TokenQueryContract;
import dev.tokenservice.testkit.contract.TokenStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/** The storage contract every adapter passes: the token store's, and the query's over the same tokens. */
class AuditedTokenStoreContractTest {
    @Nested
    class Store extends TokenStoreContract {
        @Override
        protected TokenStore newStore(Clock clock) {
            return new AuditedTokenStore(clock);
        }
    }

    @Nested
    class Query extends TokenQueryContract {
        @Override
        protected Stores newStores(Clock clock) {
            AuditedTokenStore store = new AuditedTokenStore(clock);
            return new Stores(store, store);
        }
    }
}
