package dev.tokenservice.core.port;

import dev.tokenservice.core.model.SecretHash;

/** Hashes secrets for storage and checks presented secrets against stored hashes. Implementations must be thread-safe. */
public interface SecretHasher {

    /** A fresh self-describing hash of {@code secret}. */
    SecretHash hash(String secret);

    /**
     * True when {@code secret} matches {@code hash}. Compares in constant time. Returns false (never throws) for a
     * hash of a scheme this hasher does not know.
     */
    boolean verify(String secret, SecretHash hash);

    /** True when this hasher can verify hashes of the given scheme. */
    boolean supports(SecretHash hash);
}
