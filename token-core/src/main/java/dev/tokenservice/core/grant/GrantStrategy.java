package dev.tokenservice.core.grant;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;

/**
 * Handles one grant type (RFC 6749 §4; extension grants per §4.5). The service authenticates the client and checks
 * that it may use {@link #grantType()} before calling {@link #grant}. Embedders register their own strategies with
 * {@code TokenServices.builder().grant(...)}. Implementations must be thread-safe.
 */
public interface GrantStrategy {

    /** The {@code grant_type} this strategy answers. */
    GrantType grantType();

    /**
     * Decides what to issue to an authenticated {@code client} for {@code request}, or throws
     * {@link dev.tokenservice.core.OAuthException} ({@code invalid_request}, {@code invalid_grant},
     * {@code invalid_scope}, {@code unauthorized_client}). Must leave storage unchanged when it throws, except for
     * deliberate security reactions such as revoking a family on refresh-token reuse.
     */
    Grant grant(Client client, TokenRequest request);
}
