package dev.tokenservice.http.json;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A registered client in the administration API. Never its secret, nor the hash of it: the secret is shown once, in
 * {@link ClientSecretJson}. Names are sorted; lifetimes are seconds, {@code null} for the server's; times are seconds
 * since the epoch.
 *
 * @param retiredSecretExpiresAt when the secret replaced by the last rotation stops being accepted; {@code null} when
 *                               no replaced secret is accepted
 */
public record ClientJson(
        String clientId,
        boolean confidential,
        List<String> grantTypes,
        List<String> scopes,
        List<String> defaultScopes,
        List<String> authorities,
        Long accessTokenTtl,
        Long refreshTokenTtl,
        String issuancePolicy,
        Long retiredSecretExpiresAt) {

    public static ClientJson from(Client client) {
        return new ClientJson(client.clientId().value(), client.isConfidential(),
                sorted(client.grantTypes().stream().map(GrantType::value).toList()),
                scopes(client.allowedScopes()), scopes(client.defaultScopes()),
                sorted(client.authorities().stream().map(Authority::value).toList()),
                seconds(client.accessTokenLifetime()), seconds(client.refreshTokenLifetime()),
                client.liveTokenLimit() == null ? null : client.liveTokenLimit().name(),
                client.retiredSecret() == null ? null : client.retiredSecret().expiresAt().getEpochSecond());
    }

    private static List<String> scopes(Scope scope) {
        return List.copyOf(scope.sorted());
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }

    private static Long seconds(Duration lifetime) {
        return lifetime == null ? null : lifetime.getSeconds();
    }
}
