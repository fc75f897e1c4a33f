package dev.tokenservice.core.crypto;

import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.port.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Hashes high-entropy secrets that the server generates (client secrets) with one SHA-256: such secrets cannot be
 * guessed, so a slow hash would only slow every client authentication down. Format {@code $sha256$<base64url>}.
 * Never use it for secrets that people choose. Thread-safe.
 */
public final class Sha256SecretHasher implements SecretHasher {
    static final String SCHEME = "sha256";
    private static final String PREFIX = "$" + SCHEME + "$";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Override
    public SecretHash hash(String secret) {
        return new SecretHash(PREFIX + ENCODER.encodeToString(digest(secret)));
    }

    @Override
    public boolean verify(String secret, SecretHash hash) {
        if (!supports(hash)) {
            return false;
        }
        byte[] expected;
        try {
            expected = DECODER.decode(hash.value().substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(secret));
    }

    @Override
    public boolean supports(SecretHash hash) {
        return hash.value().startsWith(PREFIX);
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
