package dev.tokenservice.core.crypto;

import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.port.SecretHasher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes secrets that people choose (passwords, hand-written client secrets) with PBKDF2-HMAC-SHA256 from the JDK,
 * salted, in a PHC-style string: {@code $pbkdf2-sha256$i=600000,l=32$<salt>$<hash>} (base64 without padding).
 * The iteration count travels with each hash, so hashes made at an older cost still verify. Thread-safe.
 */
public final class Pbkdf2SecretHasher implements SecretHasher {
    /** OWASP Password Storage Cheat Sheet (2023 onwards) for PBKDF2-HMAC-SHA256. */
    public static final int OWASP_ITERATIONS = 600_000;

    static final String SCHEME = "pbkdf2-sha256";
    private static final String PREFIX = "$" + SCHEME + "$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final int iterations;

    /** A hasher at the OWASP iteration count. */
    public Pbkdf2SecretHasher() {
        this(OWASP_ITERATIONS);
    }

    /** A hasher at a chosen cost; below the OWASP count only for tests and imports. */
    public Pbkdf2SecretHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    @Override
    public SecretHash hash(String secret) {
        byte[] salt = SecureRandomTokenValueGenerator.randomBytes(SALT_BYTES);
        byte[] hash = derive(secret, salt, iterations, HASH_BYTES);
        return new SecretHash(PREFIX + "i=" + iterations + ",l=" + HASH_BYTES + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash));
    }

    @Override
    public boolean verify(String secret, SecretHash hash) {
        if (!supports(hash)) {
            return false;
        }
        // $pbkdf2-sha256$i=N,l=L$salt$hash splits into "", scheme, params, salt, hash
        String[] parts = hash.value().split("\\$", -1);
        if (parts.length != 5) {
            return false;
        }
        try {
            int parsedIterations = 0;
            int length = 0;
            for (String param : parts[2].split(",")) {
                if (param.startsWith("i=")) {
                    parsedIterations = Integer.parseInt(param.substring(2));
                } else if (param.startsWith("l=")) {
                    length = Integer.parseInt(param.substring(2));
                }
            }
            byte[] salt = DECODER.decode(parts[3]);
            byte[] expected = DECODER.decode(parts[4]);
            if (parsedIterations < 1 || parsedIterations > MAX_ITERATIONS || length != expected.length || length < 16) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(secret, salt, parsedIterations, length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean supports(SecretHash hash) {
        return hash.value().startsWith(PREFIX);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
