package dev.tokenservice.testkit;

import dev.tokenservice.core.crypto.DelegatingSecretHasher;
import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.port.SecretHasher;
import java.util.List;

/** Secret hashers for tests: the production schemes at a cost that keeps test suites fast. */
public final class TestHashers {
    private static final SecretHasher FAST = new DelegatingSecretHasher(new Pbkdf2SecretHasher(1_000),
            List.of(new Sha256SecretHasher()));

    private TestHashers() { }

    /** PBKDF2 at 1,000 iterations for new hashes; verifies PBKDF2 at any cost and SHA-256. Never for production. */
    public static SecretHasher fast() {
        return FAST;
    }
}
