package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A wildcard over token holders: every token of a client (whatever its user, or none), every token of a user (with
 * any client), or every token of one user with one client. At least one side is set, so a selector never means
 * "every token". Compare {@link TokenHolder}, which is one exact pair.
 *
 * @param clientId the client, or {@code null} for any client
 * @param username the user, or {@code null} for any user (tokens of the client alone included)
 */
public record HolderSelector(@Nullable ClientId clientId, @Nullable Username username) {
    public HolderSelector {
        if (username == null && clientId == null) {
            throw new IllegalArgumentException("a holder selector needs a client id, a username or both");
        }
    }

    /** Every token of the user, with any client. */
    public static HolderSelector user(Username username) {
        return new HolderSelector(null, Objects.requireNonNull(username, "username"));
    }

    /** Every token of the client, for any user and for the client alone. */
    public static HolderSelector client(ClientId clientId) {
        return new HolderSelector(Objects.requireNonNull(clientId, "clientId"), null);
    }

    /** Every token of the user with the client. */
    public static HolderSelector pair(ClientId clientId, Username username) {
        return new HolderSelector(
                Objects.requireNonNull(clientId, "clientId"),
                Objects.requireNonNull(username, "username"));
    }

    /** True when a token of this client and user ({@code null} for none) is selected. */
    public boolean matches(ClientId tokenClient, @Nullable Username tokenUser) {
        return (clientId == null || clientId.equals(tokenClient))
                && (username == null || username.equals(tokenUser));
    }
}
