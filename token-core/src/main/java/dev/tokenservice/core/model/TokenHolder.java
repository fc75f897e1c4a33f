package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exactly who holds a token: a client, and the user it acts for or {@code null} for the client alone. Unlike
 * {@link TokenOwner} it has no wildcard: {@code (client, null)} means the client's own tokens only.
 */
public record TokenHolder(ClientId clientId, @Nullable Username username) {
    public TokenHolder {
        Objects.requireNonNull(clientId, "clientId");
    }

    public static TokenHolder of(ClientId clientId, Username username) {
        return new TokenHolder(clientId, username);
    }

    public static TokenHolder of(AccessToken token) {
        return new TokenHolder(token.clientId(), token.username());
    }

    public boolean holds(AccessToken token) {
        return clientId.equals(token.clientId()) && Objects.equals(username, token.username());
    }

    public boolean holds(RefreshToken token) {
        return clientId.equals(token.clientId()) && Objects.equals(username, token.username());
    }
}
