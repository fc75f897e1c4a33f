package dev.tokenservice.core.model;

import java.util.Objects;

/** The non-secret identifier of a stored token, safe to show in logs and administration views. */
public record TokenId(String value) {
    public TokenId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("token id must not be blank");
        }
    }

    public static TokenId of(String value) {
        return new TokenId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
