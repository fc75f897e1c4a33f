package dev.tokenservice.core.crypto;

import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenValueGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * The default {@link TokenValueGenerator}: 32 bytes from {@link SecureRandom} (256 bits, well above the 128 that
 * RFC 6749 §10.10 asks for), base64url without padding. Identifiers are not secret and are laid out as a ULID: the
 * time in milliseconds, then 80 random bits, in Crockford's base32 (26 characters), so they sort by creation time
 * and a new one lands at the end of an index instead of on a random page (that page would be rewritten at the
 * next flush). The core's one source of randomness: the hashers and the sealer draw their salts and nonces from
 * here too. Thread-safe.
 */
public final class SecureRandomTokenValueGenerator implements TokenValueGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;

    /** A generator whose identifiers carry the time of {@code clock}. */
    public SecureRandomTokenValueGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenValue newValue() {
        return new TokenValue(BASE64URL.encodeToString(randomBytes(32)));
    }

    @Override
    public String newId() {
        byte[] random = randomBytes(10);
        long high = clock.millis() << 16 | (random[0] & 0xFFL) << 8 | random[1] & 0xFFL;
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = low << 8 | random[i] & 0xFFL;
        }
        // 128 bits as 26 base32 digits, most significant first: 2 leading zero bits, then 5 bits per digit.
        char[] id = new char[26];
        for (int digit = 25; digit >= 0; digit--) {
            id[digit] = CROCKFORD[(int) (low & 31)];
            low = low >>> 5 | (high & 31) << 59;
            high >>>= 5;
        }
        return new String(id);
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
