package dev.tokenservice.core.model;

import java.util.Objects;

/** An access-token value encrypted under the server's token key; opaque to everyone but the sealer. */
public record SealedToken(String value) {
    public SealedToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("sealed token must not be empty");
        }
    }

    @Override
    public String toString() {
        return "SealedToken[***]";
    }
}
