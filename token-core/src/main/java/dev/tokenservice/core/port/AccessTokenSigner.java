package dev.tokenservice.core.port;

import dev.tokenservice.core.model.AccessTokenClaims;
import dev.tokenservice.core.model.TokenValue;

/**
 * Turns the claims of an access token into a self-contained, signed value (a JWT, RFC 9068) for clients whose format
 * is {@link dev.tokenservice.core.model.AccessTokenFormat#JWT}. The core stores the value's digest as for any token.
 * Implementations must be thread-safe.
 */
public interface AccessTokenSigner {

    /** No signer: the core issues opaque tokens only, and refuses to be built with JWT as its default format. */
    AccessTokenSigner NONE = claims -> {
        throw new IllegalStateException("no access token signer is configured");
    };

    /** The signed value of a token with these claims. */
    TokenValue sign(AccessTokenClaims claims);

    default boolean isEnabled() {
        return this != NONE;
    }
}
