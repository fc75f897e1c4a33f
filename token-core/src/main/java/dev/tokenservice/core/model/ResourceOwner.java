package dev.tokenservice.core.model;

import java.util.Objects;
import java.util.Set;

/** A resource owner (RFC 6749 §1.1) as the core sees it once authenticated: a name and its privileges. */
public record ResourceOwner(Username username, Set<Authority> authorities) {
    public ResourceOwner {
        Objects.requireNonNull(username, "username");
        authorities = Set.copyOf(authorities);
    }

    public static ResourceOwner of(Username username) {
        return new ResourceOwner(username, Set.of());
    }

    public boolean hasAuthority(Authority authority) {
        return authorities.contains(authority);
    }
}
