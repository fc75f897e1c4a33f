package dev.tokenservice.core.model;

import java.util.Objects;

/** A resource owner's login name, matched literally (no case folding). */
public record Username(String value) {
    public Username {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
    }

    public static Username of(String value) {
        return new Username(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
