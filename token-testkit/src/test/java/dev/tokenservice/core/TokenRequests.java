package dev.tokenservice.core;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.IntrospectionRequest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.testkit.TestClients;
import java.util.HashMap;
import java.util.Map;

/** Token requests as a client of the fixtures sends them: its credentials in the body, the grant's parameters. */
public final class TokenRequests {

    private TokenRequests() { }

    public static TokenRequest clientCredentials(Client client) {
        return request(GrantType.CLIENT_CREDENTIALS, client, Map.of());
    }

    public static TokenRequest clientCredentials(Client client, String scope) {
        return request(GrantType.CLIENT_CREDENTIALS, client, Map.of(TokenRequest.SCOPE, scope));
    }

    public static TokenRequest password(Client client, Username username, String password) {
        return request(GrantType.PASSWORD, client,
                Map.of(TokenRequest.USERNAME, username.value(), TokenRequest.PASSWORD, password));
    }

    public static TokenRequest password(Client client, Username username, String password, String scope) {
        return request(GrantType.PASSWORD, client, Map.of(TokenRequest.USERNAME, username.value(),
                TokenRequest.PASSWORD, password, TokenRequest.SCOPE, scope));
    }

    public static TokenRequest refresh(Client client, TokenValue refreshToken) {
        return request(GrantType.REFRESH_TOKEN, client, Map.of(TokenRequest.REFRESH_TOKEN, refreshToken.value()));
    }

    public static TokenRequest refresh(Client client, TokenValue refreshToken, String scope) {
        return request(GrantType.REFRESH_TOKEN, client,
                Map.of(TokenRequest.REFRESH_TOKEN, refreshToken.value(), TokenRequest.SCOPE, scope));
    }

    /** A request of any grant type with {@code client}'s fixture credentials sent in the body. */
    public static TokenRequest request(GrantType grantType, Client client, Map<String, String> parameters) {
        return new TokenRequest(grantType, TestClients.credentials(client), new HashMap<>(parameters));
    }

    /** An introspection request by {@code client}, with its test secret. */
    public static IntrospectionRequest introspection(Client client, TokenValue token) {
        return new IntrospectionRequest(TestClients.credentials(client), token);
    }
}
