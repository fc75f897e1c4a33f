package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides what an issuance looks like: lifetimes (a client's override first, then the defaults), whether a refresh
 * token comes with it, and how many live tokens a holder keeps. Does no I/O. Thread-safe.
 */
public final class IssuancePolicy {
    private final IssuanceSettings settings;

    public IssuancePolicy(IssuanceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The client's access-token lifetime if it has one, else the default of its format. */
    public Duration accessTokenLifetime(Client client) {
        if (client.accessTokenLifetime() != null) {
            return client.accessTokenLifetime();
        }
        return accessTokenFormat(client) == AccessTokenFormat.JWT
                ? settings.formats().jwtLifetime() : settings.lifetimes().accessToken();
    }

    /** The client's access-token format if it has one, else the server's. */
    public AccessTokenFormat accessTokenFormat(Client client) {
        return client.accessTokenFormat() != null ? client.accessTokenFormat() : settings.formats().defaultFormat();
    }

    public Duration refreshTokenLifetime(Client client) {
        return Objects.requireNonNullElse(client.refreshTokenLifetime(), settings.lifetimes().refreshToken());
    }

    /**
     * When the family that started at {@code familyIssuedAt} ends for {@code client}: the client's family lifetime,
     * else the default; {@link Instant#MAX} when families do not end.
     */
    public Instant familyEndsAt(Client client, Instant familyIssuedAt) {
        Duration lifetime = client.refreshFamilyLifetime() != null
                ? client.refreshFamilyLifetime() : settings.refreshFamilies().maxLifetime();
        return lifetime == null ? Instant.MAX : familyIssuedAt.plus(lifetime);
    }

    /** How long a retired refresh token of {@code client} still gets its successor back; zero when never. */
    public Duration refreshGraceWindow(Client client) {
        return Objects.requireNonNullElse(client.refreshGraceWindow(), settings.refreshFamilies().graceWindow());
    }

    /**
     * A refresh token comes with a grant when the client may use the refresh grant, and never with
     * {@code client_credentials}: such a client can simply ask again (RFC 6749 §4.4.3).
     */
    public boolean issuesRefreshToken(Client client, GrantType grantType) {
        return !GrantType.CLIENT_CREDENTIALS.equals(grantType) && client.mayUse(GrantType.REFRESH_TOKEN);
    }

    /** The server's default issuance policy. */
    public LiveTokenLimit liveTokenLimit() {
        return settings.liveTokenLimit();
    }

    /** The client's issuance policy: its own override first, then the server's default. */
    public LiveTokenLimit liveTokenLimit(Client client) {
        return Objects.requireNonNullElse(client.liveTokenLimit(), settings.liveTokenLimit());
    }

    /**
     * Whether {@code live} may be handed back instead of a new token when {@code client} is under
     * {@link LiveTokenLimit#REUSE_LIVE}: it is sealed (its value can be recovered), has exactly the wanted scope, and at
     * least half its lifetime remains.
     */
    public boolean mayReuse(Client client, AccessToken live, Scope wanted, Instant now) {
        if (liveTokenLimit(client) != LiveTokenLimit.REUSE_LIVE || live.sealed() == null
                || !live.scope().equals(wanted) || !live.isLiveAt(now)) {
            return false;
        }
        Duration lifetime = Duration.between(live.issuedAt(), live.expiresAt());
        Duration remaining = Duration.between(now, live.expiresAt());
        return remaining.multipliedBy(2).compareTo(lifetime) >= 0;
    }
}
