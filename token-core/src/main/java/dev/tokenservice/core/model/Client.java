package dev.tokenservice.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A registered client (RFC 6749 §2). Confidential when it has a {@code secretHash}, public otherwise.
 *
 * @param clientId             its identifier
 * @param secretHash           hash of its secret; {@code null} for a public client
 * @param grantTypes           grant types it may use
 * @param allowedScopes        scopes it may ask for
 * @param defaultScopes        scopes it gets when it asks for none; a subset of {@code allowedScopes}
 * @param authorities          privileges of tokens issued to it without a user (e.g. {@link Authority#TOKENS_ADMIN})
 * @param accessTokenLifetime  overrides the server's access-token lifetime; {@code null} to use the default
 * @param refreshTokenLifetime overrides the server's refresh-token lifetime; {@code null} to use the default
 * @param liveTokenLimit       overrides the server's issuance policy; {@code null} to use the default
 * @param retiredSecret        the secret replaced by the last rotation, still accepted until it expires; {@code null}
 *                             when there is none
 * @param refreshFamilyLifetime overrides the server's absolute lifetime of a refresh-token family, counted from the
 *                             first grant; {@code null} to use the default
 * @param refreshGraceWindow   overrides the server's refresh grace window ({@link Duration#ZERO} turns it off for
 *                             this client); {@code null} to use the default
 * @param accessTokenFormat    overrides the server's access-token format; {@code null} to use the default
 */
public record Client(
        ClientId clientId,
        @Nullable SecretHash secretHash,
        Set<GrantType> grantTypes,
        Scope allowedScopes,
        Scope defaultScopes,
        Set<Authority> authorities,
        @Nullable Duration accessTokenLifetime,
        @Nullable Duration refreshTokenLifetime,
        @Nullable LiveTokenLimit liveTokenLimit,
        @Nullable RetiredSecret retiredSecret,
        @Nullable Duration refreshFamilyLifetime,
        @Nullable Duration refreshGraceWindow,
        @Nullable AccessTokenFormat accessTokenFormat) {

    public Client {
        Objects.requireNonNull(clientId, "clientId");
        grantTypes = Set.copyOf(grantTypes);
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        Objects.requireNonNull(defaultScopes, "defaultScopes");
        authorities = Set.copyOf(authorities);
        if (!allowedScopes.containsAll(defaultScopes)) {
            throw new IllegalArgumentException("default scopes must be a subset of allowed scopes");
        }
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
        if (retiredSecret != null && secretHash == null) {
            throw new IllegalArgumentException("a public client has no retired secret");
        }
        requirePositive(refreshFamilyLifetime, "refreshFamilyLifetime");
        if (refreshGraceWindow != null && refreshGraceWindow.isNegative()) {
            throw new IllegalArgumentException("refreshGraceWindow must not be negative");
        }
    }

    private static void requirePositive(Duration lifetime, String name) {
        if (lifetime != null && (lifetime.isZero() || lifetime.isNegative())) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Starts a builder for a client with no secret, no grants and no scopes. */
    public static Builder builder(ClientId clientId) {
        return new Builder(clientId);
    }

    /** Starts a builder for a client with no secret, no grants and no scopes. */
    public static Builder builder(String clientId) {
        return new Builder(ClientId.of(clientId));
    }

    /** True when the client authenticates with a secret (RFC 6749 §2.1). */
    public boolean isConfidential() {
        return secretHash != null;
    }

    public boolean mayUse(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean hasAuthority(Authority authority) {
        return authorities.contains(authority);
    }

    /** Returns a builder holding this client's values. */
    public Builder toBuilder() {
        Builder builder = new Builder(clientId);
        builder.secretHash = secretHash;
        builder.grantTypes.addAll(grantTypes);
        builder.allowedScopes = allowedScopes;
        builder.defaultScopes = defaultScopes;
        builder.authorities.addAll(authorities);
        builder.accessTokenLifetime = accessTokenLifetime;
        builder.refreshTokenLifetime = refreshTokenLifetime;
        builder.liveTokenLimit = liveTokenLimit;
        builder.retiredSecret = retiredSecret;
        builder.refreshFamilyLifetime = refreshFamilyLifetime;
        builder.refreshGraceWindow = refreshGraceWindow;
        builder.accessTokenFormat = accessTokenFormat;
        return builder;
    }

    public Client withSecretHash(SecretHash newSecretHash) {
        return toBuilder().secretHash(newSecretHash).build();
    }

    /** The hash of the retired secret while it is still accepted at {@code now}; empty when there is none. */
    public Optional<SecretHash> retiredSecretHashAt(Instant now) {
        return Optional.ofNullable(retiredSecret).filter(retired -> retired.isAcceptedAt(now)).map(RetiredSecret::hash);
    }

    /** Builds a {@link Client}; not thread-safe. Default scopes default to all allowed scopes. */
    public static final class Builder {
        private final ClientId clientId;
        private SecretHash secretHash;
        private final Set<GrantType> grantTypes = new LinkedHashSet<>();
        private Scope allowedScopes = Scope.EMPTY;
        private Scope defaultScopes;
        private final Set<Authority> authorities = new LinkedHashSet<>();
        private Duration accessTokenLifetime;
        private Duration refreshTokenLifetime;
        private LiveTokenLimit liveTokenLimit;
        private RetiredSecret retiredSecret;
        private Duration refreshFamilyLifetime;
        private Duration refreshGraceWindow;
        private AccessTokenFormat accessTokenFormat;

        private Builder(ClientId clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
        }

        /** Makes the client confidential; {@code null} makes it public. */
        public Builder secretHash(@Nullable SecretHash secretHash) {
            this.secretHash = secretHash;
            return this;
        }

        public Builder grantTypes(GrantType... types) {
            grantTypes.clear();
            grantTypes.addAll(Set.of(types));
            return this;
        }

        public Builder grantTypes(Set<GrantType> types) {
            grantTypes.clear();
            grantTypes.addAll(types);
            return this;
        }

        public Builder allowedScopes(Scope scope) {
            this.allowedScopes = Objects.requireNonNull(scope, "scope");
            return this;
        }

        public Builder defaultScopes(Scope scope) {
            this.defaultScopes = Objects.requireNonNull(scope, "scope");
            return this;
        }

        public Builder authorities(Authority... values) {
            authorities.clear();
            authorities.addAll(Set.of(values));
            return this;
        }

        public Builder authorities(Set<Authority> values) {
            authorities.clear();
            authorities.addAll(values);
            return this;
        }

        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = lifetime;
            return this;
        }

        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = lifetime;
            return this;
        }

        /** Overrides the server's issuance policy; {@code null} follows it. */
        public Builder liveTokenLimit(@Nullable LiveTokenLimit limit) {
            this.liveTokenLimit = limit;
            return this;
        }

        /** A secret replaced by a rotation and still accepted until it expires; {@code null} for none. */
        public Builder retiredSecret(@Nullable RetiredSecret secret) {
            this.retiredSecret = secret;
            return this;
        }

        /** The absolute lifetime of this client's refresh-token families; {@code null} for the server's. */
        public Builder refreshFamilyLifetime(@Nullable Duration lifetime) {
            this.refreshFamilyLifetime = lifetime;
            return this;
        }

        /** This client's refresh grace window; {@link Duration#ZERO} for none, {@code null} for the server's. */
        public Builder refreshGraceWindow(@Nullable Duration window) {
            this.refreshGraceWindow = window;
            return this;
        }

        /** The format of this client's access tokens; {@code null} for the server's. */
        public Builder accessTokenFormat(@Nullable AccessTokenFormat format) {
            this.accessTokenFormat = format;
            return this;
        }

        public Client build() {
            return new Client(clientId, secretHash, grantTypes, allowedScopes,
                    defaultScopes == null ? allowedScopes : defaultScopes,
                    authorities, accessTokenLifetime, refreshTokenLifetime, liveTokenLimit, retiredSecret,
                    refreshFamilyLifetime, refreshGraceWindow, accessTokenFormat);
        }
    }
}
