package dev.tokenservice.http.clients;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ClientSettings;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.json.ClientRequestJson;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a {@link ClientRequestJson} into the core's {@link ClientSettings}, refusing what cannot be one with
 * {@code invalid_request}. The core checks the rest (sizes, default scopes within the allowed ones, sealing for
 * {@code REUSE_LIVE}).
 */
final class ClientRequestParser {
    private static final String POLICIES = Arrays.stream(LiveTokenLimit.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private ClientRequestParser() { }

    static ClientSettings settings(ClientRequestJson request) {
        Scope scopes = scope(request.scopes(), "scopes");
        return new ClientSettings(
                names(request.grantTypes(), "grant_types", GrantType::of),
                scopes,
                request.defaultScopes() == null ? null : scope(request.defaultScopes(), "default_scopes"),
                names(request.authorities(), "authorities", Authority::of),
                lifetime(request.accessTokenTtl(), "access_token_ttl"),
                lifetime(request.refreshTokenTtl(), "refresh_token_ttl"),
                issuancePolicy(request.issuancePolicy()));
    }

    private static LiveTokenLimit issuancePolicy(String name) {
        if (name == null) {
            return null;
        }
        try {
            return LiveTokenLimit.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("issuance_policy must be one of " + POLICIES);
        }
    }

    private static <T> Set<T> names(List<String> values, String field, Function<String, T> type) {
        if (values == null) {
            return Set.of();
        }
        Set<T> names = new HashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw OAuthException.invalidRequest(field + " must not hold null or blank names");
            }
            if (!names.add(type.apply(value))) {
                throw OAuthException.invalidRequest(field + " must not repeat a name");
            }
        }
        return names;
    }

    private static Scope scope(List<String> tokens, String field) {
        if (tokens == null) {
            return Scope.EMPTY;
        }
        if (tokens.contains(null) || new HashSet<>(tokens).size() != tokens.size()) {
            throw OAuthException.invalidRequest(field + " must not hold null or repeated scopes");
        }
        try {
            return Scope.of(tokens);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest(field + " must be scope tokens of printable ASCII (RFC 6749 §3.3)");
        }
    }

    private static Duration lifetime(Long seconds, String field) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 1) {
            throw OAuthException.invalidRequest(field + " must be 1 or more seconds");
        }
        return Duration.ofSeconds(seconds);
    }
}
