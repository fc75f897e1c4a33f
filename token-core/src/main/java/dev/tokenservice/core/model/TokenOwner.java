package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Selects tokens by who holds them: a user (with any client), a client (with any user, or none), or the pair.
 * At least one side is set, so a selection can never mean "every token".
 */
public record TokenOwner(@Nullable Username username, @Nullable ClientId clientId) {
    public TokenOwner {
        if (username == null && clientId == null) {
            throw new IllegalArgumentException("a token owner needs a username, a client id or both");
        }
    }

    public static TokenOwner user(Username username) {
        return new TokenOwner(Objects.requireNonNull(username, "username"), null);
    }

    public static TokenOwner client(ClientId clientId) {
        return new TokenOwner(null, Objects.requireNonNull(clientId, "clientId"));
    }

    public static TokenOwner pair(Username username, ClientId clientId) {
        return new TokenOwner(
                Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(clientId, "clientId"));
    }

    /** True when a token of this client and user (null for none) is selected. */
    public boolean matches(ClientId tokenClient, Username tokenUser) {
        return (clientId == null || clientId.equals(tokenClient))
                && (username == null || username.equals(tokenUser));
    }
}
