package dev.tokenservice.core.port;

import dev.tokenservice.core.model.TokenValue;

/** The source of token values and identifiers. Implementations must be thread-safe. */
public interface TokenValueGenerator {

    /** A fresh, unguessable token value (the default: 32 bytes from {@code SecureRandom}, base64url). */
    TokenValue newValue();

    /** A fresh identifier for a token or a family: unique, not secret. */
    String newId();
}
