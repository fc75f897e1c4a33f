package dev.tokenservice.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * Who a verified bearer access token speaks for: the token and the authorities it carries, which are the user's for
 * a user token and the client's for a client-only token, read fresh at verification time.
 */
public record TokenPrincipal(TokenSummary token, Set<Authority> authorities) {
    public TokenPrincipal {
        Objects.requireNonNull(token, "token");
        authorities = Set.copyOf(authorities);
    }

    public boolean hasAuthority(Authority authority) {
        return authorities.contains(authority);
    }
}
