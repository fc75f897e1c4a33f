package dev.tokenservice.core.port;

import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenValue;
import java.util.Optional;

/**
 * Encrypts access-token values for storage, so that the administration view can show them, and decrypts them.
 * Implementations must be thread-safe.
 */
public interface TokenSealer {

    /** Sealing switched off: nothing is sealed, so only digests are stored. */
    TokenSealer NONE = new TokenSealer() {
        @Override
        public Optional<SealedToken> seal(TokenValue value) {
            return Optional.empty();
        }

        @Override
        public Optional<TokenValue> unseal(SealedToken sealed) {
            return Optional.empty();
        }
    };

    /** The sealed value, or empty when sealing is off. */
    Optional<SealedToken> seal(TokenValue value);

    /** The value, or empty when it cannot be opened (sealing off, another key, tampered). */
    Optional<TokenValue> unseal(SealedToken sealed);

    default boolean isEnabled() {
        return this != NONE;
    }
}
