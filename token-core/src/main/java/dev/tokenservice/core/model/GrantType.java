package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * A value of {@code grant_type} (RFC 6749 §4). Open: extension grants (RFC 6749 §4.5) and third-party grants are
 * created with {@link #of(String)}.
 */
public record GrantType(String value) {
    public static final GrantType CLIENT_CREDENTIALS = new GrantType("client_credentials");
    public static final GrantType PASSWORD = new GrantType("password");
    public static final GrantType REFRESH_TOKEN = new GrantType("refresh_token");

    public GrantType {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("grant type must not be blank");
        }
    }

    public static GrantType of(String value) {
        return new GrantType(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
