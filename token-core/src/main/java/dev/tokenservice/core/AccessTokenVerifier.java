package dev.tokenservice.core;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserDirectory;
import java.util.Optional;
import java.util.Set;

/** Verifies bearer access tokens (RFC 6750) for the token service and the administration alike. Thread-safe. */
final class AccessTokenVerifier {
    private final TokenStore tokens;
    private final ClientStore clients;
    private final UserDirectory users;

    AccessTokenVerifier(TokenStore tokens, ClientStore clients, UserDirectory users) {
        this.tokens = tokens;
        this.clients = clients;
        this.users = users;
    }

    /**
     * Who the token speaks for, with the authorities of its user (or, for a client-only token, of its client) as they
     * are now; empty when the token is not live, or when its client or its user no longer exists.
     */
    Optional<TokenPrincipal> verify(TokenValue token) {
        return tokens.findAccessToken(TokenDigest.of(token)).flatMap(access -> {
            Optional<Client> client = clients.findById(access.clientId());
            if (client.isEmpty()) {
                return Optional.empty();
            }
            Optional<Set<Authority>> authorities = access.username() != null
                    ? users.findByUsername(access.username()).map(ResourceOwner::authorities)
                    : Optional.of(client.get().authorities());
            return authorities.map(held -> new TokenPrincipal(access.summary(), held));
        });
    }
}
