package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * The token pair that replaced a retired refresh token, encrypted so that only a request presenting that retired
 * token's value can open it (and, when sealing is on, only under the server's token key as well). Kept with the
 * retired token so that a client that lost the answer to its refresh gets the same pair again within the grace
 * window; opaque to everyone but {@code SuccessorHandback}.
 */
public record SealedSuccessor(String value) {
    public SealedSuccessor {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("sealed successor must not be empty");
        }
    }

    @Override
    public String toString() {
        return "SealedSuccessor[***]";
    }
}
