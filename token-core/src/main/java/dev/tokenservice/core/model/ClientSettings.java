package dev.tokenservice.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator chooses for a client: everything but its id and secret.
 *
 * @param grantTypes           grant types it may use
 * @param allowedScopes        scopes it may ask for
 * @param defaultScopes        scopes it gets when it asks for none; {@code null} for the server's default scopes that
 *                             it is allowed, or all of {@code allowedScopes} when the server has none
 * @param authorities          privileges of tokens issued to it without a user
 * @param accessTokenLifetime  {@code null} for the server's
 * @param refreshTokenLifetime {@code null} for the server's
 * @param liveTokenLimit       its issuance policy; {@code null} for the server's
 */
public record ClientSettings(
        Set<GrantType> grantTypes,
        Scope allowedScopes,
        @Nullable Scope defaultScopes,
        Set<Authority> authorities,
        @Nullable Duration accessTokenLifetime,
        @Nullable Duration refreshTokenLifetime,
        @Nullable LiveTokenLimit liveTokenLimit) {

    public ClientSettings {
        grantTypes = Set.copyOf(grantTypes);
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        authorities = Set.copyOf(authorities);
    }

    /** The settings {@code client} has now (its default scopes as they are). */
    public static ClientSettings of(Client client) {
        return new ClientSettings(client.grantTypes(), client.allowedScopes(), client.defaultScopes(),
                client.authorities(), client.accessTokenLifetime(), client.refreshTokenLifetime(),
                client.liveTokenLimit());
    }

    /**
     * Sets these settings on {@code builder}, leaving its id and secrets alone.
     *
     * @param serverDefaultScopes the server's default scopes, used when {@code defaultScopes} is {@code null}; empty
     *                            for none
     */
    public Client.Builder applyTo(Client.Builder builder, Scope serverDefaultScopes) {
        Scope defaults = defaultScopes;
        if (defaults == null) {
            defaults = serverDefaultScopes.isEmpty() ? allowedScopes : allowedScopes.intersect(serverDefaultScopes);
        }
        return builder.grantTypes(grantTypes).allowedScopes(allowedScopes).defaultScopes(defaults)
                .authorities(authorities).accessTokenLifetime(accessTokenLifetime)
                .refreshTokenLifetime(refreshTokenLifetime).liveTokenLimit(liveTokenLimit);
    }
}
