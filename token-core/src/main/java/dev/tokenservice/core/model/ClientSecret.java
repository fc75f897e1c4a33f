package dev.tokenservice.core.model;

import java.util.Objects;

/** A client secret as presented by a caller (RFC 6749 §2.3.1); never stored, never printed. */
public record ClientSecret(String value) {
    public ClientSecret {
        Objects.requireNonNull(value, "value");
    }

    public static ClientSecret of(String value) {
        return new ClientSecret(value);
    }

    @Override
    public String toString() {
        return "ClientSecret[***]";
    }
}
