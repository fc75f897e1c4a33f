package dev.tokenservice.core.model;

import java.util.Objects;

/** A token value as handed to its caller once; only its digest (and, for access tokens, a sealed copy) is stored. */
public record TokenValue(String value) {
    public TokenValue {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("token value must not be empty");
        }
    }

    public static TokenValue of(String value) {
        return new TokenValue(value);
    }

    @Override
    public String toString() {
        return "TokenValue[***]";
    }
}
