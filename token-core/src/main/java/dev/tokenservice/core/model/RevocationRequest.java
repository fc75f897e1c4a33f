package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * A revocation request (RFC 7009 §2.1): the client that asks, and the token it wants revoked. A
 * {@code token_type_hint} is not carried: a value is either an access or a refresh token, never both, so the hint
 * cannot change the outcome.
 */
public record RevocationRequest(ClientAuthentication client, TokenValue token) {
    public RevocationRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(token, "token");
    }
}
