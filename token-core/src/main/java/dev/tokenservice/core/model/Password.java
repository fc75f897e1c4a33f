package dev.tokenservice.core.model;

import java.util.Objects;

/** A resource owner's password as presented in a request; never stored, never printed. */
public record Password(String value) {
    public Password {
        Objects.requireNonNull(value, "value");
    }

    public static Password of(String value) {
        return new Password(value);
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
