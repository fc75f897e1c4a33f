package dev.tokenservice.core.model;

import java.util.Optional;

/** A {@code token_type_hint} (RFC 7009 §2.1, RFC 7662 §2.1): where to look first, never a restriction. */
public enum TokenTypeHint {
    ACCESS_TOKEN("access_token"),
    REFRESH_TOKEN("refresh_token");

    private final String wireName;

    TokenTypeHint(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The hint named {@code wireName}; empty for an unknown or absent hint, which servers ignore. */
    public static Optional<TokenTypeHint> parse(String wireName) {
        for (TokenTypeHint hint : values()) {
            if (hint.wireName.equals(wireName)) {
                return Optional.of(hint);
            }
        }
        return Optional.empty();
    }
}
