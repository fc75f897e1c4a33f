package dev.tokenservice.persistence;

import dev.tokenservice.testkit.contract.TokenQueryContract;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTokenQueryPostgresContractTest extends TokenQueryContract {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected Stores newStores(Clock clock) {
        Jdbi jdbi = DATABASE.empty();
        return new Stores(new JdbiTokenStore(jdbi, clock), new JdbiTokenQuery(jdbi, clock));
    }
}
