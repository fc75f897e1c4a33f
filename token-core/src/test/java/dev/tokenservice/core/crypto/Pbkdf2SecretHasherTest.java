package dev.tokenservice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tokenservice.core.model.SecretHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2SecretHasherTest {
    /** Low cost keeps the suite fast; only the default-cost test pays for {@link Pbkdf2SecretHasher#OWASP_ITERATIONS}. */
    private static final int TEST_ITERATIONS = 1_000;

    private final Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(TEST_ITERATIONS);

    @Test
    void verifyWhenSameSecretThenTrue() {
        SecretHash hash = hasher.hash("pa ss+word");

        boolean verified = hasher.verify("pa ss+word", hash);

        assertThat(verified).isTrue();
    }

    @Test
    void verifyWhenWrongSecretThenFalse() {
        SecretHash hash = hasher.hash("pa ss+word");

        boolean verified = hasher.verify("pa ss+wort", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void verifyWhenNonAsciiSecretThenRoundTrips() {
        SecretHash hash = hasher.hash("pässwörd-密码");

        boolean verified = hasher.verify("pässwörd-密码", hash);

        assertThat(verified).isTrue();
    }

    @Test
    void hashWhenSameSecretTwiceThenSaltsDiffer() {
        SecretHash first = hasher.hash("pa ss+word");

        SecretHash second = hasher.hash("pa ss+word");

        assertThat(salt(first)).isNotEqualTo(salt(second));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void hashWhenCalledThenPhcStringWithCostSaltAndHash() {
        String secret = "pa ss+word";

        SecretHash hash = hasher.hash(secret);

        // 16-byte salt and 32-byte hash, standard base64 without padding
        assertThat(hash.value()).matches("\\$pbkdf2-sha256\\$i=1000,l=32\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void hashWhenDefaultConstructorThenOwaspIterationCount() {
        Pbkdf2SecretHasher standard = new Pbkdf2SecretHasher();

        SecretHash hash = standard.hash("pa ss+word");

        assertThat(hash.value()).startsWith("$pbkdf2-sha256$i=" + Pbkdf2SecretHasher.OWASP_ITERATIONS + ",");
        assertThat(Pbkdf2SecretHasher.OWASP_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    void verifyWhenHashMadeAtAnotherIterationCountThenTrue() {
        SecretHash olderHash = new Pbkdf2SecretHasher(500).hash("pa ss+word");

        boolean verified = hasher.verify("pa ss+word", olderHash);

        assertThat(verified).isTrue();
    }

    @Test
    void verifyWhenIterationCountInHashAlteredThenFalse() {
        SecretHash hash = hasher.hash("pa ss+word");
        SecretHash altered = SecretHash.of(hash.value().replace("i=1000,", "i=1001,"));

        boolean verified = hasher.verify("pa ss+word", altered);

        assertThat(verified).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$pbkdf2-sha256$",
        "$pbkdf2-sha256$garbage",
        "$pbkdf2-sha256$i=1000,l=32$c2FsdHNhbHRzYWx0c2FsdA",
        "$pbkdf2-sha256$i=abc,l=32$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=99999999999,l=32$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=0,l=32$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=-5,l=32$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=20000000,l=32$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=1000,l=32$!!!$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=1000,l=32$c2FsdHNhbHRzYWx0c2FsdA$!!!",
        "$pbkdf2-sha256$i=1000,l=16$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        "$pbkdf2-sha256$i=1000,l=4$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
        "$pbkdf2-sha256$i=1000,l=32$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g$extra"
    })
    void verifyWhenHashMalformedThenFalse(String malformed) {
        SecretHash hash = SecretHash.of(malformed);

        boolean verified = hasher.verify("pa ss+word", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void verifyWhenForeignSchemeThenFalse() {
        SecretHash hash = new Sha256SecretHasher().hash("pa ss+word");

        boolean verified = hasher.verify("pa ss+word", hash);

        assertThat(verified).isFalse();
    }

    @Test
    void verifyWhenBcryptHashThenFalse() {
        SecretHash hash = SecretHash.of("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy");

        boolean verified = hasher.verify("password", hash);

        assertThat(verified).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_000_001})
    void constructorWhenIterationsOutOfRangeThenIllegalArgument(int iterations) {
        int cost = iterations;

        assertThatIllegalArgumentException().isThrownBy(() -> new Pbkdf2SecretHasher(cost));
    }

    private static String salt(SecretHash hash) {
        return hash.value().split("\\$")[3];
    }
}
