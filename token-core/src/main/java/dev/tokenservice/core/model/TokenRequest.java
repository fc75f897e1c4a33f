package dev.tokenservice.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to the token endpoint (RFC 6749 §4): the grant type, the client's credentials and the other
 * parameters ({@code scope}, {@code username}, {@code password}, {@code refresh_token}, {@code token}, or whatever
 * an extension grant reads). Parameters are single-valued; {@link #toString()} never prints their values.
 */
public record TokenRequest(GrantType grantType, ClientAuthentication client, Map<String, String> parameters) {
    public static final String SCOPE = "scope";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String TOKEN = "token";

    public TokenRequest {
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(client, "client");
        parameters = Map.copyOf(parameters);
    }

    /**
     * The parameter's value, empty when absent or empty: "parameters sent without a value MUST be treated as if they
     * were omitted" (RFC 6749 §3.1). A value of spaces is a value; each grant decides whether it is acceptable.
     */
    public Optional<String> parameter(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", client=" + client.clientId()
                + ", parameters=" + new java.util.TreeSet<>(parameters.keySet()) + "]";
    }
}
