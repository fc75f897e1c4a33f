package dev.tokenservice.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The SHA-256 digest of a token value, base64url without padding: the key under which a token is stored and
 * looked up. Token values carry 256 bits of entropy, so an unsalted fast digest is enough (no dictionary).
 */
public record TokenDigest(String value) {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public TokenDigest {
        Objects.requireNonNull(value, "value");
        if (value.length() != 43) {
            throw new IllegalArgumentException("token digest must be 43 base64url characters");
        }
    }

    /** Digests a token value. */
    public static TokenDigest of(TokenValue token) {
        return new TokenDigest(BASE64URL.encodeToString(sha256(token.value())));
    }

    /** Wraps a digest read back from storage. */
    public static TokenDigest fromStorage(String value) {
        return new TokenDigest(value);
    }

    /** Compares two digests in constant time. */
    public boolean matches(TokenDigest other) {
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TokenDigest[" + value.substring(0, 8) + "…]";
    }
}
