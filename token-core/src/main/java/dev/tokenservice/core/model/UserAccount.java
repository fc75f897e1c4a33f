package dev.tokenservice.core.model;

import java.util.Objects;
import java.util.Set;

/** A resource owner as a stored user directory keeps it: the owner plus the hash of its password. */
public record UserAccount(Username username, SecretHash passwordHash, Set<Authority> authorities) {
    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        authorities = Set.copyOf(authorities);
    }

    public ResourceOwner owner() {
        return new ResourceOwner(username, authorities);
    }
}
