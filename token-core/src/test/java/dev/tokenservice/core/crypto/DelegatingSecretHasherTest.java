package dev.tokenservice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.SecretHash;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegatingSecretHasherTest {
    private final Pbkdf2SecretHasher pbkdf2 = new Pbkdf2SecretHasher(1_000);
    private final Sha256SecretHasher sha256 = new Sha256SecretHasher();
    private final DelegatingSecretHasher hasher = new DelegatingSecretHasher(pbkdf2, List.of(sha256));

    @Test
    void hashWhenCalledThenPrimarySchemeUsed() {
        String secret = "pa ss+word";

        SecretHash hash = hasher.hash(secret);

        assertThat(hash.scheme()).isEqualTo("pbkdf2-sha256");
    }

    @Test
    void verifyWhenPrimaryHashAndRightSecretThenTrue() {
        SecretHash hash = pbkdf2.hash("pa ss+word");

        boolean verified = hasher.verify("pa ss+word", hash);

        assertThat(verified).isTrue();
    }

    @Test
    void verifyWhenSecondaryHashAndRightSecretThenTrue() {
        SecretHash hash = sha256.hash("generated-client-secret");

        boolean verified = hasher.verify("generated-client-secret", hash);

        assertThat(verified).isTrue();
    }

    @Test
    void verifyWhenSecondaryHashAndWrongSecretThenFalse() {
        SecretHash hash = sha256.hash("generated-client-secret");

        boolean verified = hasher.verify("another-secret", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void verifyWhenUnknownSchemeThenFalse() {
        SecretHash hash = SecretHash.of("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");

        boolean verified = hasher.verify("pa ss+word", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void supportsWhenUnknownSchemeThenFalse() {
        SecretHash hash = SecretHash.of("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");

        boolean supported = hasher.supports(hash);

        assertThat(supported).isFalse();
    }

    @Test
    void standardWhenAskedThenSupportsPbkdf2AndSha256() {
        DelegatingSecretHasher standard = DelegatingSecretHasher.standard();

        boolean both = standard.supports(pbkdf2.hash("a")) && standard.supports(sha256.hash("a"));

        assertThat(both).isTrue();
    }

    @Test
    void standardWhenVerifyingSha256HashThenTrue() {
        DelegatingSecretHasher standard = DelegatingSecretHasher.standard();

        boolean verified = standard.verify("generated-client-secret", sha256.hash("generated-client-secret"));

        assertThat(verified).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "$none$", "none", "pa ss+word"})
    void verifyWhenNoneHashThenFalseForAnySecret(String secret) {
        SecretHash none = SecretHash.NONE;

        boolean verified = hasher.verify(secret, none);

        assertThat(verified).isFalse();
        assertThat(hasher.supports(none)).isFalse();
    }
}
