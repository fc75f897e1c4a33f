package dev.tokenservice.http.oauth;

import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.TokenValue;
import java.util.Objects;

/**
 * A client's request about one token: a revocation request (RFC 7009 §2.1) or an introspection request (RFC 7662
 * §2.1) with client authentication. Never prints the token or the secret.
 *
 * @param client the caller's credentials, not yet checked
 * @param token  the token the request is about
 */
record ClientTokenRequest(ClientAuthentication client, TokenValue token) {
    ClientTokenRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "ClientTokenRequest[client_id=" + client.clientId().value() + ", method=" + client.method().wireName() + "]";
    }
}
