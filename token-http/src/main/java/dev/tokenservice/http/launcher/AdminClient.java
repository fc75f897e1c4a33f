package dev.tokenservice.http.launcher;

import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import java.util.Optional;

/**
 * The client {@code admin} a fresh server creates for itself when it has no client and no bootstrap file: client
 * credentials only, authority {@code TOKENS_ADMIN}, a generated high-entropy secret hashed with SHA-256 (fast: it
 * cannot be guessed). The secret exists in clear only in the returned value, which the launcher prints once.
 */
final class AdminClient {
    static final String CLIENT_ID = "admin";

    private AdminClient() { }

    /** Creates {@code admin} when the store holds no client; returns its secret, or empty when nothing was created. */
    static Optional<String> createIfNoClient(ClientStore clients, SecretHasher generatedSecrets) {
        if (clients.count() > 0) {
            return Optional.empty();
        }
        String secret = SecureRandomTokenValueGenerator.newClientSecret();
        clients.save(Client.builder(CLIENT_ID)
                .secretHash(generatedSecrets.hash(secret))
                .grantTypes(GrantType.CLIENT_CREDENTIALS)
                .authorities(Authority.TOKENS_ADMIN)
                .build());
        return Optional.of(secret);
    }
}
