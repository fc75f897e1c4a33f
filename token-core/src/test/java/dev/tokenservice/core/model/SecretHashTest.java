package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SecretHashTest {

    @Test
    void ofWhenNoSchemePrefixThenIllegalArgument() {
        String value = "plain-text-secret";

        assertThatIllegalArgumentException().isThrownBy(() -> SecretHash.of(value));
    }

    @Test
    void schemeWhenPhcStringThenNameBetweenFirstDollars() {
        SecretHash hash = SecretHash.of("$pbkdf2-sha256$i=1000,l=32$c2FsdA$aGFzaA");

        String scheme = hash.scheme();

        assertThat(scheme).isEqualTo("pbkdf2-sha256");
    }

    @Test
    void schemeWhenNoSecondDollarThenRestOfValue() {
        SecretHash hash = SecretHash.of("$sha256");

        String scheme = hash.scheme();

        assertThat(scheme).isEqualTo("sha256");
    }

    @Test
    void isUsableWhenNoneThenFalse() {
        SecretHash none = SecretHash.NONE;

        assertThat(none.isUsable()).isFalse();
        assertThat(none.scheme()).isEqualTo("none");
    }

    @Test
    void isUsableWhenRealSchemeThenTrue() {
        SecretHash hash = SecretHash.of("$sha256$aGFzaA");

        assertThat(hash.isUsable()).isTrue();
    }

    @Test
    void ofWhenNoneSpelledOutThenEqualsNone() {
        SecretHash parsed = SecretHash.of("$none$");

        assertThat(parsed).isEqualTo(SecretHash.NONE);
        assertThat(parsed.isUsable()).isFalse();
    }
}
