package dev.tokenservice.core;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.ClientSettings;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.RetiredSecret;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.TokenValueGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Client administration: register clients, list and show them, change their settings, rotate their secrets and
 * delete them with their tokens. Every operation takes an {@link Administrator}, which only
 * {@link TokenAdministration#authorize} hands out, so no caller reaches them without a live access token holding
 * {@link Authority#TOKENS_ADMIN}.
 *
 * <p>The server generates every secret: a fresh token value (256 bits), hashed with the hasher for generated secrets
 * ({@code $sha256$}) and shown once, in the answer of {@link #create} or {@link #rotateSecret}; the store keeps only
 * the hash. Bad input is {@code invalid_request} and changes nothing. Changes start from the client as stored now
 * ({@link ClientStore#findCurrent}), not from a cached copy; of two concurrent changes of one client the last one
 * wins whole. Thread-safe.
 */
public final class ClientAdministration {
    /** The longest grace period a rotation may give the replaced secret. */
    public static final Duration MAX_GRACE_PERIOD = Duration.ofDays(30);
    /** The longest token lifetime a client may have. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3650);
    /** The most clients one {@link #list} call returns. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_NAMES_LENGTH = 2000;
    private static final int MAX_SCOPE_LENGTH = 4000;

    private final ClientStore clients;
    private final TokenStore tokens;
    private final SecretHasher generatedSecrets;
    private final TokenValueGenerator values;
    private final TokenEventListener events;
    private final Clock clock;
    private final boolean sealing;
    private final Scope serverDefaultScopes;

    ClientAdministration(ClientStore clients, TokenStore tokens, SecretHasher generatedSecrets,
            TokenValueGenerator values, TokenEventListener events, Clock clock, boolean sealing,
            Scope serverDefaultScopes) {
        this.clients = clients;
        this.tokens = tokens;
        this.generatedSecrets = generatedSecrets;
        this.values = values;
        this.events = events;
        this.clock = clock;
        this.sealing = sealing;
        this.serverDefaultScopes = serverDefaultScopes;
    }

    /** A client with the secret it was just given; the secret is never available again. */
    public record Registration(Client client, @Nullable ClientSecret secret) {
        public Registration {
            Objects.requireNonNull(client, "client");
        }
    }

    /**
     * Registers a client with a fresh secret ({@code confidential}) or none (a public client).
     *
     * @return the client and its secret; empty when a client with this id exists (which is left unchanged)
     * @throws OAuthException {@code invalid_request} when the settings are not valid
     */
    public Optional<Registration> create(Administrator administrator, ClientId clientId, ClientSettings settings,
            boolean confidential) {
        Objects.requireNonNull(administrator, "administrator");
        validate(settings);
        ClientSecret secret = confidential ? ClientSecret.of(values.newValue().value()) : null;
        Client client = build(Client.builder(requireValidId(clientId)), settings)
                .secretHash(secret == null ? null : generatedSecrets.hash(secret.value()))
                .build();
        return clients.add(client) ? Optional.of(new Registration(client, secret)) : Optional.empty();
    }

    /** Up to {@code limit} clients with ids after {@code after} (from the first when {@code null}), in id order. */
    public List<Client> list(Administrator administrator, @Nullable ClientId after, int limit) {
        Objects.requireNonNull(administrator, "administrator");
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw OAuthException.invalidRequest("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return clients.list(after, limit);
    }

    /** The client; empty when there is none. */
    public Optional<Client> find(Administrator administrator, ClientId clientId) {
        Objects.requireNonNull(administrator, "administrator");
        return clients.findCurrent(clientId);
    }

    /**
     * Replaces the client's settings; its secret (and a retired one in its grace period) stays.
     *
     * @return the client as stored now; empty when there is none
     * @throws OAuthException {@code invalid_request} when the settings are not valid
     */
    public Optional<Client> update(Administrator administrator, ClientId clientId, ClientSettings settings) {
        Objects.requireNonNull(administrator, "administrator");
        Objects.requireNonNull(settings, "settings");
        validate(settings);
        return clients.findCurrent(clientId)
                .map(current -> build(current.toBuilder(), settings).build())
                .filter(clients::update);
    }

    /**
     * Gives a confidential client a fresh secret. With a positive {@code gracePeriod} its current secret is still
     * accepted until the grace period ends; a secret retired by an earlier rotation is then no longer accepted.
     *
     * @return the client and its new secret; empty when there is none
     * @throws OAuthException {@code invalid_request} for a public client or a grace period beyond
     *                        {@link #MAX_GRACE_PERIOD}
     */
    public Optional<Registration> rotateSecret(Administrator administrator, ClientId clientId, Duration gracePeriod) {
        Objects.requireNonNull(administrator, "administrator");
        if (gracePeriod.isNegative() || gracePeriod.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw OAuthException.invalidRequest("grace_period must be between 0 and "
                    + MAX_GRACE_PERIOD.getSeconds() + " seconds");
        }
        Optional<Client> found = clients.findCurrent(clientId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Client current = found.get();
        if (!current.isConfidential()) {
            throw OAuthException.invalidRequest("a public client has no secret to rotate");
        }
        ClientSecret secret = ClientSecret.of(values.newValue().value());
        Client rotated = current.toBuilder()
                .secretHash(generatedSecrets.hash(secret.value()))
                .retiredSecret(gracePeriod.isZero() ? null
                        : new RetiredSecret(current.secretHash(), clock.instant().plus(gracePeriod)))
                .build();
        return clients.update(rotated) ? Optional.of(new Registration(rotated, secret)) : Optional.empty();
    }

    /**
     * Deletes the client, then revokes every access and refresh token issued to it.
     *
     * @return false when there was no such client (nothing is revoked then)
     */
    public boolean delete(Administrator administrator, ClientId clientId) {
        Objects.requireNonNull(administrator, "administrator");
        if (!clients.delete(clientId)) {
            return false;
        }
        int revoked = tokens.revokeSelected(HolderSelector.client(clientId));
        events.revoked(new Revoked(RevocationCause.ADMINISTRATION, revoked));
        return true;
    }

    /** The builder with {@code settings}, which {@link #validate} has accepted. */
    private Client.Builder build(Client.Builder builder, ClientSettings settings) {
        try {
            return settings.applyTo(builder, serverDefaultScopes);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest(e.getMessage());
        }
    }

    private void validate(ClientSettings settings) {
        names(settings.grantTypes().stream().map(GrantType::value).toList(), "grant_types");
        names(settings.authorities().stream().map(Authority::value).toList(), "authorities");
        if (settings.allowedScopes().toString().length() > MAX_SCOPE_LENGTH) {
            throw OAuthException.invalidRequest("scopes must be at most " + MAX_SCOPE_LENGTH + " characters together");
        }
        if (settings.defaultScopes() != null && !settings.allowedScopes().containsAll(settings.defaultScopes())) {
            throw OAuthException.invalidRequest("default_scopes must be a subset of scopes");
        }
        lifetime(settings.accessTokenLifetime(), "access_token_ttl");
        lifetime(settings.refreshTokenLifetime(), "refresh_token_ttl");
        if (settings.liveTokenLimit() == LiveTokenLimit.REUSE_LIVE && !sealing) {
            throw OAuthException.invalidRequest("issuance_policy REUSE_LIVE needs token sealing, which is off");
        }
    }

    private static ClientId requireValidId(ClientId clientId) {
        if (clientId.value().length() > MAX_ID_LENGTH || !visibleAscii(clientId.value())) {
            throw OAuthException.invalidRequest("client_id must be 1 to " + MAX_ID_LENGTH
                    + " visible ASCII characters without spaces");
        }
        return clientId;
    }

    private static void names(List<String> names, String field) {
        if (!names.stream().allMatch(ClientAdministration::visibleAscii)
                || String.join(" ", names).length() > MAX_NAMES_LENGTH) {
            throw OAuthException.invalidRequest(field + " must be visible ASCII names without spaces, at most "
                    + MAX_NAMES_LENGTH + " characters together");
        }
    }

    private static void lifetime(@Nullable Duration lifetime, String field) {
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0)) {
            throw OAuthException.invalidRequest(field + " must be between 1 and " + MAX_LIFETIME.getSeconds()
                    + " seconds");
        }
    }

    /** RFC 6749 VSCHAR without the space: what a client id, grant type or authority may hold here. */
    private static boolean visibleAscii(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }
}
