package dev.tokenservice.core.crypto;

import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.port.SecretHasher;
import java.util.List;
import java.util.Objects;

/**
 * Hashes with one scheme and verifies any scheme it knows, choosing by the hash's prefix. Lets a store hold
 * SHA-256 hashes of generated client secrets beside PBKDF2 hashes of chosen ones, and imported hashes of other
 * schemes when a verifier for them is added. Thread-safe.
 */
public final class DelegatingSecretHasher implements SecretHasher {
    private final SecretHasher primary;
    private final List<SecretHasher> all;

    public DelegatingSecretHasher(SecretHasher primary, List<SecretHasher> verifiers) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.all = java.util.stream.Stream.concat(java.util.stream.Stream.of(primary), verifiers.stream()).toList();
    }

    /** PBKDF2 at the OWASP cost for new hashes; verifies PBKDF2 and SHA-256 hashes. */
    public static DelegatingSecretHasher standard() {
        return new DelegatingSecretHasher(new Pbkdf2SecretHasher(), List.of(new Sha256SecretHasher()));
    }

    @Override
    public SecretHash hash(String secret) {
        return primary.hash(secret);
    }

    @Override
    public boolean verify(String secret, SecretHash hash) {
        for (SecretHasher hasher : all) {
            if (hasher.supports(hash)) {
                return hasher.verify(secret, hash);
            }
        }
        return false;
    }

    @Override
    public boolean supports(SecretHash hash) {
        return all.stream().anyMatch(hasher -> hasher.supports(hash));
    }
}
