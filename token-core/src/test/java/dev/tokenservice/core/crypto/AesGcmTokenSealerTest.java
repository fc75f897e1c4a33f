package dev.tokenservice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenValue;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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

        assertThat(sealed.value()).matches("v2\\.[A-Za-z0-9_-]{8}\\.[A-Za-z0-9_-]+").doesNotContain(value.value());
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
        byte[] bytes = Base64.getUrlDecoder().decode(payload(sealed));
        bytes[14] ^= 0x01;
        SealedToken tampered = new SealedToken(prefix(sealed) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

        Optional<TokenValue> unsealed = sealer.unseal(tampered);

        assertThat(unsealed).isEmpty();
    }

    @Test
    void unsealWhenNonceTamperedThenEmpty() {
        SealedToken sealed = sealer.seal(VALUE).orElseThrow();
        byte[] bytes = Base64.getUrlDecoder().decode(payload(sealed));
        bytes[0] ^= 0x01;
        SealedToken tampered = new SealedToken(prefix(sealed) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

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
        SealedToken otherVersion = new SealedToken("v3." + sealed.value().substring(3));

        Optional<TokenValue> unsealed = sealer.unseal(otherVersion);

        assertThat(unsealed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.", "v1.@@@@not base64@@@@", "v1.AAAA", "v1.====", "garbage", "v2.", "v2.nodot",
        "v2.AAAAAAAA.AAAA", "v2..AAAA"})
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

    @Test
    void sealWhenKeyringHasSeveralKeysThenTheFirstSealsAndEveryKeyOpens() {
        AesGcmTokenSealer ring = new AesGcmTokenSealer(List.of(key(8), key(7)));

        SealedToken sealed = ring.seal(VALUE).orElseThrow();

        assertThat(new AesGcmTokenSealer(key(8)).unseal(sealed)).contains(VALUE);
        assertThat(sealer.unseal(sealed)).isEmpty();
        assertThat(ring.unseal(sealer.seal(VALUE).orElseThrow())).contains(VALUE);
    }

    @Test
    void unsealWhenValueOfTheFirstFormatWithoutKeyIdThenEveryKeyOfTheRingIsTried() {
        SealedToken firstFormat = new SealedToken("v1." + payload(sealer.seal(VALUE).orElseThrow()));
        AesGcmTokenSealer ring = new AesGcmTokenSealer(List.of(key(8), key(9), key(7)));

        Optional<TokenValue> unsealed = ring.unseal(firstFormat);

        assertThat(unsealed).contains(VALUE);
        assertThat(new AesGcmTokenSealer(key(8)).unseal(firstFormat)).isEmpty();
    }

    @Test
    void unsealWhenKeyIdNamesAnotherKeyThenEmptyEvenIfTheRingHoldsTheSealingKey() {
        SealedToken sealed = sealer.seal(VALUE).orElseThrow();
        String otherId = prefix(new AesGcmTokenSealer(key(8)).seal(VALUE).orElseThrow());
        SealedToken relabelled = new SealedToken(otherId + payload(sealed));
        AesGcmTokenSealer ring = new AesGcmTokenSealer(List.of(key(8), key(7)));

        assertThat(ring.unseal(relabelled)).isEmpty();
    }

    @Test
    void constructorWhenAKeyAppearsTwiceThenIllegalArgument() {
        List<byte[]> ring = List.of(key(7), key(8), key(7));

        assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmTokenSealer(ring));
    }

    @Test
    void constructorWhenKeyringIsEmptyThenIllegalArgument() {
        List<byte[]> ring = List.of();

        assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmTokenSealer(ring));
    }

    @Test
    void fromBase64WhenSeveralKeysByCommaOrLineThenTheFirstSealsAndEveryOneOpens() {
        String keys = Base64.getEncoder().encodeToString(key(8)) + ", " + Base64.getEncoder().encodeToString(key(7))
                + "\n" + Base64.getUrlEncoder().withoutPadding().encodeToString(key(9)) + "\n";

        AesGcmTokenSealer ring = AesGcmTokenSealer.fromBase64(keys);

        assertThat(new AesGcmTokenSealer(key(8)).unseal(ring.seal(VALUE).orElseThrow())).contains(VALUE);
        assertThat(ring.unseal(sealer.seal(VALUE).orElseThrow())).contains(VALUE);
        assertThat(ring.unseal(new AesGcmTokenSealer(key(9)).seal(VALUE).orElseThrow())).contains(VALUE);
    }

    @Test
    void derivedFromWhenSameSecretThenOpensAndOtherSecretDoesNot() {
        SealedToken sealed = AesGcmTokenSealer.derivedFrom(TokenValue.of("secret-1"), "purpose").seal(VALUE)
                .orElseThrow();

        assertThat(AesGcmTokenSealer.derivedFrom(TokenValue.of("secret-1"), "purpose").unseal(sealed)).contains(VALUE);
        assertThat(AesGcmTokenSealer.derivedFrom(TokenValue.of("secret-2"), "purpose").unseal(sealed)).isEmpty();
        assertThat(AesGcmTokenSealer.derivedFrom(TokenValue.of("secret-1"), "other").unseal(sealed)).isEmpty();
    }

    private static String prefix(SealedToken sealed) {
        return sealed.value().substring(0, sealed.value().lastIndexOf('.') + 1);
    }

    private static String payload(SealedToken sealed) {
        return sealed.value().substring(sealed.value().lastIndexOf('.') + 1);
    }

    private static String nonce(SealedToken sealed) {
        byte[] bytes = Base64.getUrlDecoder().decode(payload(sealed));
        return Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 12));
    }
}
