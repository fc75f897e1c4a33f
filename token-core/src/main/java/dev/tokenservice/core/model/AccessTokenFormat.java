package dev.tokenservice.core.model;

import java.util.Locale;

/**
 * What an access token value is. {@link #OPAQUE}: 32 random bytes, meaningful only to this server (introspection).
 * {@link #JWT}: a signed JWT (RFC 9068) that a resource server verifies offline with the published keys. Either kind
 * is stored by its digest, so revocation, introspection and the administration API treat both alike.
 */
public enum AccessTokenFormat {
    OPAQUE("opaque"),
    JWT("jwt");

    private final String wireName;

    AccessTokenFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The name in configuration and storage: {@code opaque} or {@code jwt}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses {@link #wireName()}, ignoring case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static AccessTokenFormat of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (AccessTokenFormat format : values()) {
            if (format.wireName.equals(lower)) {
                return format;
            }
        }
        throw new IllegalArgumentException("access token format must be opaque or jwt");
    }
}
