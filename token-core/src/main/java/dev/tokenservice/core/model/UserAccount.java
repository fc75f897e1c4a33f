package dev.tokenservice.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * A resource owner as a stored user directory keeps it: the owner plus the hash of its password. An account without a
 * password ({@link SecretHash#NONE}, e.g. one created at a first sign-in through an identity provider) can never sign
 * in with the password grant.
 */
public record UserAccount(Username username, SecretHash passwordHash, Set<Authority> authorities) {
    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        authorities = Set.copyOf(authorities);
    }

    /** An account that has no password: it signs in only through the identity providers it is linked to. */
    public static UserAccount withoutPassword(Username username, Set<Authority> authorities) {
        return new UserAccount(username, SecretHash.NONE, authorities);
    }

    /** False when the account has no password ({@link SecretHash#NONE}). */
    public boolean hasPassword() {
        return passwordHash.isUsable();
    }

    public ResourceOwner owner() {
        return new ResourceOwner(username, authorities);
    }
}
