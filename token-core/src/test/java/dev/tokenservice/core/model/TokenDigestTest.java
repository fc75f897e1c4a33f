package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TokenDigestTest {

    @Test
    void ofWhenSameValueTwiceThenSameDigest() {
        TokenValue value = TokenValue.of("a-token-value");

        TokenDigest first = TokenDigest.of(value);

        assertThat(TokenDigest.of(TokenValue.of("a-token-value"))).isEqualTo(first);
    }

    @Test
    void ofWhenValueGivenThenFortyThreeBase64UrlCharacters() {
        TokenValue value = TokenValue.of("a-token-value");

        TokenDigest digest = TokenDigest.of(value);

        assertThat(digest.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void ofWhenKnownValueThenSha256Base64Url() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        TokenValue value = TokenValue.of("abc");

        TokenDigest digest = TokenDigest.of(value);

        assertThat(digest.value()).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void ofWhenValuesDifferThenDigestsDiffer() {
        TokenValue first = TokenValue.of("token-a");

        TokenDigest digest = TokenDigest.of(first);

        assertThat(digest).isNotEqualTo(TokenDigest.of(TokenValue.of("token-b")));
    }

    @Test
    void matchesWhenSameDigestThenTrue() {
        TokenDigest digest = TokenDigest.of(TokenValue.of("token-a"));

        boolean matches = digest.matches(TokenDigest.fromStorage(digest.value()));

        assertThat(matches).isTrue();
    }

    @Test
    void matchesWhenOtherDigestThenFalse() {
        TokenDigest digest = TokenDigest.of(TokenValue.of("token-a"));

        boolean matches = digest.matches(TokenDigest.of(TokenValue.of("token-b")));

        assertThat(matches).isFalse();
    }

    @Test
    void fromStorageWhenWrongLengthThenIllegalArgument() {
        String stored = "too-short";

        assertThatIllegalArgumentException().isThrownBy(() -> TokenDigest.fromStorage(stored));
    }
}
