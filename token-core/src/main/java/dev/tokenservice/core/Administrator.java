package dev.tokenservice.core;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.TokenPrincipal;
import java.util.Objects;

/**
 * A caller proven to hold {@link Authority#TOKENS_ADMIN}: the key to {@link TokenAdministration} and to
 * introspection on behalf of an administrator. Only {@link TokenAdministration#authorize} makes one, so holding an
 * instance is the proof; it is valid for the request it was made for and is not meant to be kept.
 */
public final class Administrator {
    private final TokenPrincipal principal;

    Administrator(TokenPrincipal principal) {
        this.principal = Objects.requireNonNull(principal, "principal");
    }

    /** The verified access token of the administrator and the authorities it carries. */
    public TokenPrincipal principal() {
        return principal;
    }

    @Override
    public String toString() {
        return "Administrator[" + principal.token().clientId() + ", " + principal.token().username() + "]";
    }
}
