package dev.tokenservice.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTokenStoreH2Test extends JdbiTokenStoreBehaviour {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
