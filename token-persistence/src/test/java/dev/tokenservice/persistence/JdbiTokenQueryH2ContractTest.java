package dev.tokenservice.persistence;

import dev.tokenservice.testkit.contract.TokenQueryContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTokenQueryH2ContractTest extends TokenQueryContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected Stores newStores(Clock clock) {
        Database database = DATABASE.empty();
        return new Stores(database.tokenStore(clock), database.tokenQuery(clock));
    }
}
