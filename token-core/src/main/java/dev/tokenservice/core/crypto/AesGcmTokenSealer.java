package dev.tokenservice.core.crypto;

import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals access-token values with AES-256-GCM under the server's token key, a fresh 96-bit nonce per token
 * (NIST SP 800-38D). Output: {@code v1.<base64url(nonce || ciphertext || tag)>}; the version prefix leaves room
 * for key rotation. A value sealed under another key, or altered, does not open. Thread-safe.
 */
public final class AesGcmTokenSealer implements TokenSealer {
    private static final String VERSION = "v1.";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKey key;

    /** A sealer under a 32-byte key. */
    public AesGcmTokenSealer(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the token key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A sealer under a key given as standard or url-safe base64 of 32 bytes. */
    public static AesGcmTokenSealer fromBase64(String base64Key) {
        String trimmed = base64Key.strip();
        byte[] key = trimmed.contains("-") || trimmed.contains("_")
                ? Base64.getUrlDecoder().decode(trimmed)
                : Base64.getDecoder().decode(trimmed);
        return new AesGcmTokenSealer(key);
    }

    /** A fresh random key, base64: what a server writes on its first start when no key is configured. */
    public static String newBase64Key() {
        return Base64.getEncoder().encodeToString(SecureRandomTokenValueGenerator.randomBytes(KEY_BYTES));
    }

    @Override
    public Optional<SealedToken> seal(TokenValue value) {
        byte[] nonce = SecureRandomTokenValueGenerator.randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(value.value().getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return Optional.of(new SealedToken(VERSION + ENCODER.encodeToString(out)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available on every JDK", e);
        }
    }

    @Override
    public Optional<TokenValue> unseal(SealedToken sealed) {
        String text = sealed.value();
        if (!text.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] in = DECODER.decode(text.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Optional.of(new TokenValue(new String(plain, StandardCharsets.UTF_8)));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available on every JDK", e);
        }
    }
}
