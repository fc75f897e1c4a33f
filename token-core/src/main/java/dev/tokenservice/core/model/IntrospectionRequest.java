package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * An introspection request (RFC 7662 §2.1) made by a client, typically a resource server: its credentials and the
 * token it asks about. Administrators introspect with an {@code Administrator} instead of client credentials.
 */
public record IntrospectionRequest(ClientAuthentication client, TokenValue token) {
    public IntrospectionRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(token, "token");
    }
}
