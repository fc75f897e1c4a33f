package dev.tokenservice.testkit;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;

/**
 * Client fixtures: builders pre-filled with valid values, so a test changes only what it is about. Secrets are
 * hashed with SHA-256, as the server hashes the secrets it generates.
 */
public final class TestClients {
    /** The secret of every confidential fixture client. */
    public static final String SECRET = "test-client-secret";
    public static final ClientId CONFIDENTIAL_ID = ClientId.of("confidential-client");
    public static final ClientId PUBLIC_ID = ClientId.of("public-client");
    public static final ClientId ADMIN_ID = ClientId.of("admin-client");

    private TestClients() { }

    /** A confidential client with every built-in grant, scopes {@code read write}, default scope {@code read}. */
    public static Client.Builder confidential() {
        return Client.builder(CONFIDENTIAL_ID)
                .secretHash(new Sha256SecretHasher().hash(SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN)
                .allowedScopes(Scope.of("read", "write"))
                .defaultScopes(Scope.of("read"));
    }

    /** A public client (no secret) with the password and refresh grants, scopes {@code read write}. */
    public static Client.Builder publicClient() {
        return Client.builder(PUBLIC_ID)
                .grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN)
                .allowedScopes(Scope.of("read", "write"))
                .defaultScopes(Scope.of("read"));
    }

    /** A confidential machine client holding {@link Authority#TOKENS_ADMIN}, client credentials only. */
    public static Client.Builder admin() {
        return Client.builder(ADMIN_ID)
                .secretHash(new Sha256SecretHasher().hash(SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS)
                .authorities(Authority.TOKENS_ADMIN);
    }

    /** Credentials for {@code client} sent in the body, with the fixture secret (or none for a public client). */
    public static ClientAuthentication credentials(Client client) {
        return client.isConfidential()
                ? ClientAuthentication.post(client.clientId(), ClientSecret.of(SECRET))
                : ClientAuthentication.none(client.clientId());
    }
}
