package dev.tokenservice.core.grant;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.policy.ScopePolicy;
import java.util.Objects;

/** The client credentials grant (RFC 6749 §4.4): a confidential client acting for itself. Thread-safe. */
public final class ClientCredentialsGrantStrategy implements GrantStrategy {
    private final ScopePolicy scopes;

    public ClientCredentialsGrantStrategy(ScopePolicy scopes) {
        this.scopes = Objects.requireNonNull(scopes, "scopes");
    }

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public Grant grant(Client client, TokenRequest request) {
        // RFC 6749 §4.4: "The client credentials grant type MUST only be used by confidential clients."
        if (!client.isConfidential()) {
            throw OAuthException.unauthorizedClient("a public client cannot use client_credentials");
        }
        return Grant.forClient(grantType(), scopes.resolve(client, request));
    }
}
