package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Exactly who holds a token: a client, and the user it acts for or {@code null} for the client alone. Unlike
 * {@link HolderSelector} it is no wildcard: {@code (client, null)} means the client's own tokens only.
 */
public record TokenHolder(ClientId clientId, @Nullable Username username) {
    public TokenHolder {
        Objects.requireNonNull(clientId, "clientId");
    }

    public static TokenHolder of(ClientId clientId, @Nullable Username username) {
        return new TokenHolder(clientId, username);
    }

    public static TokenHolder of(AccessToken token) {
        return new TokenHolder(token.clientId(), token.username());
    }
}
