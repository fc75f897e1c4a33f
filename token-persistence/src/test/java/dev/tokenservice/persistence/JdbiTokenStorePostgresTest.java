package dev.tokenservice.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTokenStorePostgresTest extends JdbiTokenStoreBehaviour {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
