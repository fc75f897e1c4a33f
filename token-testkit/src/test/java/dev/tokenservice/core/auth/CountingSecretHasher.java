package dev.tokenservice.core.auth;

import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.port.SecretHasher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a hasher, counts the hashes it made and remembers the scheme of every hash it was asked to verify, so a test
 * can show that two paths do the same work. Thread-safe.
 */
public final class CountingSecretHasher implements SecretHasher {
    private final SecretHasher delegate;
    private final List<String> verifiedSchemes = new CopyOnWriteArrayList<>();
    private final AtomicInteger hashes = new AtomicInteger();

    public CountingSecretHasher(SecretHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public SecretHash hash(String secret) {
        hashes.incrementAndGet();
        return delegate.hash(secret);
    }

    @Override
    public boolean verify(String secret, SecretHash hash) {
        verifiedSchemes.add(hash.scheme());
        return delegate.verify(secret, hash);
    }

    @Override
    public boolean supports(SecretHash hash) {
        return delegate.supports(hash);
    }

    /** How many hashes were made. */
    public int hashes() {
        return hashes.get();
    }

    /** How many verifications were asked for. */
    public int verifications() {
        return verifiedSchemes.size();
    }

    /** The schemes of the verified hashes, in order. */
    public List<String> verifiedSchemes() {
        return List.copyOf(verifiedSchemes);
    }
}
