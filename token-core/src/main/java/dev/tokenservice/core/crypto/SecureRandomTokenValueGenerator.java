package dev.tokenservice.core.crypto;

import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenValueGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The default {@link TokenValueGenerator}: 32 bytes from {@link SecureRandom} (256 bits, well above the 128 that
 * RFC 6749 §10.10 asks for), base64url without padding; identifiers are 16 random bytes. The core's one source of
 * randomness: the hashers and the sealer draw their salts and nonces from here too. Thread-safe.
 */
public final class SecureRandomTokenValueGenerator implements TokenValueGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Override
    public TokenValue newValue() {
        return new TokenValue(BASE64URL.encodeToString(randomBytes(32)));
    }

    @Override
    public String newId() {
        return BASE64URL.encodeToString(randomBytes(16));
    }

    /** Fresh random bytes for salts, nonces and generated secrets. */
    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A fresh high-entropy secret for a client the server registers itself (32 random bytes, base64url). */
    public static String newClientSecret() {
        return BASE64URL.encodeToString(randomBytes(32));
    }
}
