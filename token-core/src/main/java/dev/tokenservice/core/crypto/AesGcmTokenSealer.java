package dev.tokenservice.core.crypto;

import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals access-token values with AES-256-GCM under a keyring of token keys, a fresh 96-bit nonce per token
 * (NIST SP 800-38D). The first key seals; every key opens. Output: {@code v2.<key id>.<base64url(nonce || ciphertext
 * || tag)>}, where the key id is derived from the key itself (so it names the key without configuration and reveals
 * nothing about it) and picks the key that opens the value. Values of the first format, {@code v1.<...>} without a
 * key id, still open: every key is tried in turn. A value sealed under a key that is not in the ring, or altered,
 * does not open. Thread-safe.
 */
public final class AesGcmTokenSealer implements TokenSealer {
    private static final String VERSION_1 = "v1.";
    private static final String VERSION_2 = "v2.";
    private static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 6;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKey sealingKey;
    private final String sealingKeyId;
    /** Every key by its id. */
    private final Map<String, SecretKey> keys;
    /** Every key, the sealing key first: the order in which a value without a key id is tried. */
    private final List<SecretKey> openOrder;

    /** A sealer under one 32-byte key. */
    public AesGcmTokenSealer(byte[] key) {
        this(List.of(key));
    }

    /**
     * A sealer under a keyring of 32-byte keys: the first seals, every one opens.
     *
     * @throws IllegalArgumentException when there is no key, a key is not 32 bytes, or a key appears twice
     */
    public AesGcmTokenSealer(List<byte[]> keyring) {
        if (keyring.isEmpty()) {
            throw new IllegalArgumentException("the keyring needs at least one token key");
        }
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        for (byte[] key : keyring) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("the token key must be 32 bytes");
            }
            if (byId.put(keyId(key), new SecretKeySpec(key.clone(), "AES")) != null) {
                throw new IllegalArgumentException("a token key appears twice in the keyring");
            }
        }
        this.keys = Map.copyOf(byId);
        this.sealingKeyId = byId.keySet().iterator().next();
        this.sealingKey = byId.get(sealingKeyId);
        this.openOrder = List.copyOf(byId.values());
    }

    /**
     * A sealer under the keys given as standard or url-safe base64 of 32 bytes each, separated by commas or
     * whitespace (so one key per line of a key file works too); the first seals.
     */
    public static AesGcmTokenSealer fromBase64(String base64Keys) {
        List<byte[]> keyring = new ArrayList<>();
        for (String key : KEY_SEPARATORS.split(base64Keys.strip())) {
            if (!key.isEmpty()) {
                keyring.add(key.contains("-") || key.contains("_")
                        ? Base64.getUrlDecoder().decode(key)
                        : Base64.getDecoder().decode(key));
            }
        }
        return new AesGcmTokenSealer(keyring);
    }

    /**
     * A sealer under a key derived from {@code secret} for {@code purpose} (HMAC-SHA256, RFC 2104): whoever holds the
     * secret can open what it sealed, nobody else.
     */
    public static AesGcmTokenSealer derivedFrom(TokenValue secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new AesGcmTokenSealer(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is available on every JDK", e);
        }
    }

    /** A fresh random key, base64: what a server writes on its first start when no key is configured. */
    public static String newBase64Key() {
        return Base64.getEncoder().encodeToString(SecureRandomTokenValueGenerator.randomBytes(KEY_BYTES));
    }

    /** The id that names {@code key} in sealed values: a truncated SHA-256 of a label and the key. */
    private static String keyId(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("token sealing key id".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha256.digest(key);
            return ENCODER.encodeToString(Arrays.copyOf(digest, KEY_ID_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is available on every JDK", e);
        }
    }

    @Override
    public Optional<SealedToken> seal(TokenValue value) {
        byte[] nonce = SecureRandomTokenValueGenerator.randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(value.value().getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return Optional.of(new SealedToken(VERSION_2 + sealingKeyId + "." + ENCODER.encodeToString(out)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available on every JDK", e);
        }
    }

    @Override
    public Optional<TokenValue> unseal(SealedToken sealed) {
        String text = sealed.value();
        if (text.startsWith(VERSION_2)) {
            int dot = text.indexOf('.', VERSION_2.length());
            SecretKey key = dot < 0 ? null : keys.get(text.substring(VERSION_2.length(), dot));
            return key == null ? Optional.empty() : open(key, text.substring(dot + 1));
        }
        if (text.startsWith(VERSION_1)) {
            // Sealed before values named their key: the tag tells which key of the ring sealed it.
            for (SecretKey key : openOrder) {
                Optional<TokenValue> value = open(key, text.substring(VERSION_1.length()));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<TokenValue> open(SecretKey key, String base64) {
        try {
            byte[] in = DECODER.decode(base64);
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
