package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * A self-describing hash of a secret, e.g. {@code $pbkdf2-sha256$i=600000,l=32$<salt>$<hash>} or
 * {@code $sha256$<hash>}: the scheme travels with the hash so that stored secrets survive a change of default.
 */
public record SecretHash(String value) {
    public SecretHash {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("$")) {
            throw new IllegalArgumentException("secret hash must start with $<scheme>$");
        }
    }

    public static SecretHash of(String value) {
        return new SecretHash(value);
    }

    /** The scheme name, e.g. {@code pbkdf2-sha256}. */
    public String scheme() {
        int end = value.indexOf('$', 1);
        return end < 0 ? value.substring(1) : value.substring(1, end);
    }

    @Override
    public String toString() {
        return "SecretHash[" + scheme() + "]";
    }
}
