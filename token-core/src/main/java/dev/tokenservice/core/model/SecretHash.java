package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * A self-describing hash of a secret, e.g. {@code $pbkdf2-sha256$i=600000,l=32$<salt>$<hash>} or
 * {@code $sha256$<hash>}: the scheme travels with the hash so that stored secrets survive a change of default.
 */
public record SecretHash(String value) {
    /**
     * The hash of no secret: scheme {@code none}, which no hasher supports, so no presented secret ever verifies
     * against it. Users created at their first sign-in through an identity provider have it as their password hash.
     */
    public static final SecretHash NONE = new SecretHash("$none$");

    public SecretHash {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("$")) {
            throw new IllegalArgumentException("secret hash must start with $<scheme>$");
        }
    }

    public static SecretHash of(String value) {
        return new SecretHash(value);
    }

    /** False for {@link #NONE}: nothing can be verified against it. */
    public boolean isUsable() {
        return !NONE.equals(this);
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
