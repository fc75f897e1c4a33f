package dev.tokenservice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.SecretHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256SecretHasherTest {
    private final Sha256SecretHasher hasher = new Sha256SecretHasher();

    @Test
    void verifyWhenSameSecretThenTrue() {
        SecretHash hash = hasher.hash("generated-client-secret");

        boolean verified = hasher.verify("generated-client-secret", hash);

        assertThat(verified).isTrue();
    }

    @Test
    void verifyWhenWrongSecretThenFalse() {
        SecretHash hash = hasher.hash("generated-client-secret");

        boolean verified = hasher.verify("generated-client-secreT", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void hashWhenCalledThenSchemePrefixAndBase64UrlDigest() {
        String secret = "abc";

        SecretHash hash = hasher.hash(secret);

        assertThat(hash.value()).isEqualTo("$sha256$ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$sha256$", "$sha256$!!not-base64!!", "$sha256$AAAA", "$sha256$a"})
    void verifyWhenHashMalformedThenFalse(String malformed) {
        SecretHash hash = SecretHash.of(malformed);

        boolean verified = hasher.verify("abc", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void verifyWhenForeignSchemeThenFalse() {
        SecretHash hash = new Pbkdf2SecretHasher(1_000).hash("abc");

        boolean verified = hasher.verify("abc", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void supportsWhenOwnSchemeThenTrue() {
        SecretHash hash = hasher.hash("abc");

        boolean supported = hasher.supports(hash);

        assertThat(supported).isTrue();
    }

    @Test
    void supportsWhenSchemeOnlySharesPrefixThenFalse() {
        SecretHash hash = SecretHash.of("$sha256x$ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");

        boolean supported = hasher.supports(hash);

        assertThat(supported).isFalse();
    }
}
