package dev.tokenservice.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The properties the administration list may be ordered by: a closed whitelist, so a storage adapter can map
 * each one to a fixed column and never put caller input into a query.
 */
public enum TokenSortProperty {
    CLIENT_ID("client_id"),
    USERNAME("username"),
    ISSUED_AT("issued_at"),
    EXPIRES_AT("expires_at"),
    TOKEN_ID("token_id");

    private final String wireName;

    TokenSortProperty(String wireName) {
        this.wireName = wireName;
    }

    /** The snake_case name used on the wire. */
    public String wireName() {
        return wireName;
    }

    /**
     * The property named {@code name}, accepting the snake_case wire name or its camelCase form
     * ({@code client_id}, {@code clientId}), case-insensitively; empty for anything else.
     */
    public static Optional<TokenSortProperty> parse(String name) {
        String normalized = name.replace("_", "").toLowerCase(Locale.ROOT);
        for (TokenSortProperty property : values()) {
            if (property.wireName.replace("_", "").equals(normalized)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }
}
