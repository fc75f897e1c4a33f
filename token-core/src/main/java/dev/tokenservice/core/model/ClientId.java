package dev.tokenservice.core.model;

import java.util.Objects;

/** A client's identifier as sent in {@code client_id} (RFC 6749 §2.2). */
public record ClientId(String value) {
    public ClientId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("client id must not be blank");
        }
    }

    public static ClientId of(String value) {
        return new ClientId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
