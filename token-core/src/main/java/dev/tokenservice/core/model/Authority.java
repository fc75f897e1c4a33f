package dev.tokenservice.core.model;

import java.util.Objects;

/** A privilege held by a client or a user, e.g. {@link #TOKENS_ADMIN}. Open: embedders add their own. */
public record Authority(String value) {
    /** May call the administration API: tokens, clients and account links. */
    public static final Authority TOKENS_ADMIN = new Authority("TOKENS_ADMIN");

    public Authority {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("authority must not be blank");
        }
    }

    public static Authority of(String value) {
        return new Authority(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
