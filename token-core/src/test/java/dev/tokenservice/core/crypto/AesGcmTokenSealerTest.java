package dev.tokenservice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenValue;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AesGcmTokenSealerTest {
    private static final TokenValue VALUE = TokenValue.of("q4cWbO0ysrFmCq3Q1Pv1M5aW0c7Hd2uVYJjJtq9UQ1g");

    private final AesGcmTokenSealer sealer = new AesGcmTokenSealer(key(7));

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void unsealWhenSealedBySameKeyThenOriginalValue() {
        SealedToken sealed = sealer.seal(VALUE).orElseThrow();

        Optional<TokenValue> unsealed = sealer.unseal(sealed);

        assertThat(unsealed).contains(VALUE);
    }

    @Test
    void unsealWhenSealedByAnotherSealerOfTheSameKeyThenOriginalValue() {
        SealedToken sealed = new AesGcmTokenSealer(key(7)).seal(VALUE).orElseThrow();

        Optional<TokenValue> unsealed = sealer.unseal(sealed);

        assertThat(unsealed).contains(VALUE);
    }

    @Test
    void sealWhenCalledThenVersionPrefixAndNoClearValue() {
        TokenValue value = VALUE;

        SealedToken sealed = sealer.seal(value).orElseThrow();

        assertThat(sealed.value()).startsWith("v1.").doesNotContain(value.value());
    }

    @Test
    void sealWhenSameValueTwiceThenSealsDiffer() {
        SealedToken first = sealer.seal(VALUE).orElseThrow();

        SealedToken second = sealer.seal(VALUE).orElseThrow();

        assertThat(first).isNotEqualTo(second);
        assertThat(nonce(first)).isNotEqualTo(nonce(second));
    }

    @Test
    void unsealWhenCiphertextTamperedThenEmpty() {
        SealedToken sealed = sealer.seal(VALUE).orElseThrow();
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.value().substring(3));
        bytes[14] ^= 0x01;
        SealedToken tampered = new SealedToken("v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

        Optional<TokenValue> unsealed = sealer.unseal(tampered);

        assertThat(unsealed).isEmpty();
    }

    @Test
    void unsealWhenNonceTamperedThenEmpty() {
        SealedToken sealed = sealer.seal(VALUE).orElseThrow();
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.value().substring(3));
        bytes[0] ^= 0x01;
        SealedToken tampered = new SealedToken("v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

        Optional<TokenValue> unsealed = sealer.unseal(tampered);

        assertThat(unsealed).isEmpty();
    }

    @Test
    void unsealWhenSealedUnderAnotherKeyThenEmpty() {
        SealedToken sealed = new AesGcmTokenSealer(key(8)).seal(VALUE).orElseThrow();

        Optional<TokenValue> unsealed = sealer.unseal(sealed);

        assertThat(unsealed).isEmpty();
    }

    @Test
    void unsealWhenVersionPrefixUnknownThenEmpty() {
        SealedToken sealed = sealer.seal(VALUE).orElseThrow();
        SealedToken otherVersion = new SealedToken("v2." + sealed.value().substring(3));

        Optional<TokenValue> unsealed = sealer.unseal(otherVersion);

        assertThat(unsealed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.", "v1.@@@@not base64@@@@", "v1.AAAA", "v1.====", "garbage"})
    void unsealWhenNotASealedValueThenEmpty(String text) {
        SealedToken garbage = new SealedToken(text);

        Optional<TokenValue> unsealed = sealer.unseal(garbage);

        assertThat(unsealed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33})
    void constructorWhenKeyIsNot32BytesThenIllegalArgument(int length) {
        byte[] key = new byte[length];

        assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmTokenSealer(key));
    }

    @Test
    void constructorWhenKeyArrayChangedLaterThenSealerUnaffected() {
        byte[] key = key(7);
        AesGcmTokenSealer copyHolder = new AesGcmTokenSealer(key);

        Arrays.fill(key, (byte) 0);

        assertThat(sealer.unseal(copyHolder.seal(VALUE).orElseThrow())).contains(VALUE);
    }

    @Test
    void fromBase64WhenStandardAndUrlSafeFormsOfOneKeyThenInteroperate() {
        // 0xFF bytes encode to '/' in standard base64 and '_' in the url-safe alphabet
        byte[] key = key(0xFF);
        AesGcmTokenSealer standard = AesGcmTokenSealer.fromBase64(Base64.getEncoder().encodeToString(key));
        AesGcmTokenSealer urlSafe = AesGcmTokenSealer.fromBase64(Base64.getUrlEncoder().encodeToString(key));

        Optional<TokenValue> unsealed = urlSafe.unseal(standard.seal(VALUE).orElseThrow());

        assertThat(unsealed).contains(VALUE);
        assertThat(Base64.getEncoder().encodeToString(key)).contains("/");
        assertThat(Base64.getUrlEncoder().encodeToString(key)).contains("_");
    }

    @Test
    void fromBase64WhenUrlSafeWithoutPaddingThenAccepted() {
        String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(key(0xFB));

        AesGcmTokenSealer fromText = AesGcmTokenSealer.fromBase64(base64);

        assertThat(new AesGcmTokenSealer(key(0xFB)).unseal(fromText.seal(VALUE).orElseThrow())).contains(VALUE);
    }

    @Test
    void fromBase64WhenSurroundedByWhitespaceThenAccepted() {
        String base64 = "  " + Base64.getEncoder().encodeToString(key(7)) + "\n";

        AesGcmTokenSealer fromText = AesGcmTokenSealer.fromBase64(base64);

        assertThat(sealer.unseal(fromText.seal(VALUE).orElseThrow())).contains(VALUE);
    }

    @Test
    void fromBase64WhenKeyOfSixteenBytesThenIllegalArgument() {
        String base64 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatIllegalArgumentException().isThrownBy(() -> AesGcmTokenSealer.fromBase64(base64));
    }

    @Test
    void fromBase64WhenNotBase64ThenIllegalArgument() {
        String base64 = "not a key!";

        assertThatIllegalArgumentException().isThrownBy(() -> AesGcmTokenSealer.fromBase64(base64));
    }

    @Test
    void newBase64KeyWhenCalledThenFreshUsableKey() {
        String key = AesGcmTokenSealer.newBase64Key();

        AesGcmTokenSealer fromKey = AesGcmTokenSealer.fromBase64(key);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(fromKey.unseal(fromKey.seal(VALUE).orElseThrow())).contains(VALUE);
        assertThat(AesGcmTokenSealer.newBase64Key()).isNotEqualTo(key);
    }

    @Test
    void isEnabledWhenAesGcmThenTrue() {
        AesGcmTokenSealer enabled = sealer;

        boolean isEnabled = enabled.isEnabled();

        assertThat(isEnabled).isTrue();
    }

    private static String nonce(SealedToken sealed) {
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.value().substring(3));
        return Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 12));
    }
}
