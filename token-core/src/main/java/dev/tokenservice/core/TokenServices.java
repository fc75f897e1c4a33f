package dev.tokenservice.core;

import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.auth.ClientAuthenticator;
import dev.tokenservice.core.auth.InMemoryThrottleStore;
import dev.tokenservice.core.crypto.DelegatingSecretHasher;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.grant.ClientCredentialsGrantStrategy;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.grant.PasswordGrantStrategy;
import dev.tokenservice.core.grant.RefreshTokenGrantStrategy;
import dev.tokenservice.core.grant.SuccessorHandback;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.IssuancePolicy;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.RevocationPolicy;
import dev.tokenservice.core.policy.RevocationSettings;
import dev.tokenservice.core.policy.ScopePolicy;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.core.port.AccessTokenSigner;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.TokenValueGenerator;
import dev.tokenservice.core.port.UserDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The assembled core: the {@link TokenService} and the {@link TokenAdministration} over one set of ports. The one
 * construction path, for embedders with plain constructors and for container wiring alike. Thread-safe.
 *
 * <pre>{@code
 * TokenServices core = TokenServices.builder()
 *         .tokenStore(store).tokenQuery(query).clientStore(clients).userDirectory(users)
 *         .build();
 * TokenResponse response = core.tokenService().issue(request);
 * }</pre>
 */
public final class TokenServices {
    private final TokenService tokenService;
    private final TokenAdministration administration;
    private final SecretHasher secretHasher;
    private final ClientAdministration clientAdministration;
    private final AuthenticationThrottle throttle;

    private TokenServices(TokenService tokenService, TokenAdministration administration, SecretHasher secretHasher,
            ClientAdministration clientAdministration, AuthenticationThrottle throttle) {
        this.tokenService = tokenService;
        this.administration = administration;
        this.secretHasher = secretHasher;
        this.clientAdministration = clientAdministration;
        this.throttle = throttle;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TokenService tokenService() {
        return tokenService;
    }

    public TokenAdministration administration() {
        return administration;
    }

    /** Client registration and maintenance for administrators. */
    public ClientAdministration clientAdministration() {
        return clientAdministration;
    }

    /** The hasher client secrets are verified with; registration code hashes new secrets with it. */
    public SecretHasher secretHasher() {
        return secretHasher;
    }

    /** The throttle of failed authentications; a server calls its {@code forgetExpired()} periodically. */
    public AuthenticationThrottle throttle() {
        return throttle;
    }

    /**
     * Collects the ports and options. The four stores are required; everything else has a default: the system UTC
     * clock, {@link SecureRandomTokenValueGenerator}, {@link DelegatingSecretHasher#standard()}, no sealing, no signer
     * (opaque access tokens only), {@link IssuanceSettings#DEFAULT}, {@link RevocationSettings#DEFAULT}, no listener,
     * and an {@link AuthenticationThrottle} under {@link ThrottleSettings#DEFAULT} on an {@link InMemoryThrottleStore}.
     * Not thread-safe.
     */
    public static final class Builder {
        private TokenStore tokenStore;
        private TokenQuery tokenQuery;
        private ClientStore clientStore;
        private UserDirectory userDirectory;
        private Clock clock = Clock.systemUTC();
        /** {@code null}: a {@link SecureRandomTokenValueGenerator} on the builder's clock. */
        private TokenValueGenerator valueGenerator;
        private SecretHasher secretHasher;
        private TokenSealer sealer = TokenSealer.NONE;
        private AccessTokenSigner signer = AccessTokenSigner.NONE;
        private TokenEventListener eventListener = TokenEventListener.NONE;
        private IssuanceSettings issuance = IssuanceSettings.DEFAULT;
        private RevocationSettings revocation = RevocationSettings.DEFAULT;
        /** {@code null}: the default settings on an in-memory store and the builder's clock. */
        private AuthenticationThrottle throttle;
        private final List<GrantStrategy> extensionGrants = new ArrayList<>();
        private SecretHasher generatedSecretHasher = new Sha256SecretHasher();
        private Scope defaultScopes = Scope.EMPTY;

        private Builder() { }

        public Builder tokenStore(TokenStore value) {
            this.tokenStore = Objects.requireNonNull(value, "tokenStore");
            return this;
        }

        public Builder tokenQuery(TokenQuery value) {
            this.tokenQuery = Objects.requireNonNull(value, "tokenQuery");
            return this;
        }

        public Builder clientStore(ClientStore value) {
            this.clientStore = Objects.requireNonNull(value, "clientStore");
            return this;
        }

        public Builder userDirectory(UserDirectory value) {
            this.userDirectory = Objects.requireNonNull(value, "userDirectory");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder valueGenerator(TokenValueGenerator value) {
            this.valueGenerator = Objects.requireNonNull(value, "valueGenerator");
            return this;
        }

        public Builder secretHasher(SecretHasher value) {
            this.secretHasher = Objects.requireNonNull(value, "secretHasher");
            return this;
        }

        public Builder sealer(TokenSealer value) {
            this.sealer = Objects.requireNonNull(value, "sealer");
            return this;
        }

        /** Signs the access tokens of clients whose format is {@link AccessTokenFormat#JWT}. */
        public Builder signer(AccessTokenSigner value) {
            this.signer = Objects.requireNonNull(value, "signer");
            return this;
        }

        public Builder eventListener(TokenEventListener value) {
            this.eventListener = Objects.requireNonNull(value, "eventListener");
            return this;
        }

        public Builder issuance(IssuanceSettings value) {
            this.issuance = Objects.requireNonNull(value, "issuance");
            return this;
        }

        public Builder revocation(RevocationSettings value) {
            this.revocation = Objects.requireNonNull(value, "revocation");
            return this;
        }

        /**
         * The hasher of secrets the server generates ({@link ClientAdministration}); default
         * {@link Sha256SecretHasher}: such secrets have 256 bits of entropy, so a fast digest suffices. The
         * {@link #secretHasher} must verify its hashes.
         */
        public Builder generatedSecretHasher(SecretHasher value) {
            this.generatedSecretHasher = Objects.requireNonNull(value, "generatedSecretHasher");
            return this;
        }

        /**
         * The server's default scopes: a client registered through {@link ClientAdministration} without default
         * scopes of its own gets those of them it is allowed; empty (the default) gives it all its allowed scopes.
         */
        public Builder defaultScopes(Scope value) {
            this.defaultScopes = Objects.requireNonNull(value, "defaultScopes");
            return this;
        }

        /**
         * The throttle of failed authentications; pass the same one to the third-party grants, and one on a shared
         * store when several servers answer for one database.
         */
        public Builder throttle(AuthenticationThrottle value) {
            this.throttle = Objects.requireNonNull(value, "throttle");
            return this;
        }

        /** Registers an extension grant (RFC 6749 §4.5). Two strategies for one grant type fail in {@link #build()}. */
        public Builder grant(GrantStrategy strategy) {
            extensionGrants.add(Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** Registers extension grants; see {@link #grant(GrantStrategy)}. */
        public Builder grants(Collection<? extends GrantStrategy> strategies) {
            strategies.forEach(this::grant);
            return this;
        }

        /**
         * Assembles the core.
         *
         * @throws IllegalStateException when a store is missing, two strategies share a grant type, or
         *                               {@link LiveTokenLimit#REUSE_LIVE} is asked for without sealing, or JWT access
         *                               tokens are the default without a signer
         */
        public TokenServices build() {
            require(tokenStore, "tokenStore");
            require(tokenQuery, "tokenQuery");
            require(clientStore, "clientStore");
            require(userDirectory, "userDirectory");
            if (issuance.liveTokenLimit() == LiveTokenLimit.REUSE_LIVE && !sealer.isEnabled()) {
                throw new IllegalStateException("REUSE_LIVE hands back stored tokens, so it needs a sealer");
            }
            if (issuance.formats().defaultFormat() == AccessTokenFormat.JWT && !signer.isEnabled()) {
                throw new IllegalStateException("JWT access tokens by default need a signer");
            }
            SecretHasher hasher = secretHasher != null ? secretHasher : DelegatingSecretHasher.standard();
            AuthenticationThrottle guard = throttle != null ? throttle
                    : new AuthenticationThrottle(new InMemoryThrottleStore(), ThrottleSettings.DEFAULT, clock);
            ScopePolicy scopes = new ScopePolicy();
            RevocationPolicy revocationPolicy = new RevocationPolicy(revocation);
            IssuancePolicy issuancePolicy = new IssuancePolicy(issuance);
            SuccessorHandback handback = new SuccessorHandback(tokenStore, sealer, issuancePolicy, clock);
            List<GrantStrategy> strategies = new ArrayList<>(List.of(
                    new ClientCredentialsGrantStrategy(scopes),
                    new PasswordGrantStrategy(userDirectory, scopes, eventListener, guard),
                    new RefreshTokenGrantStrategy(tokenStore, userDirectory, scopes, revocationPolicy, eventListener,
                            handback)));
            strategies.addAll(extensionGrants);
            TokenValueGenerator values = valueGenerator != null ? valueGenerator
                    : new SecureRandomTokenValueGenerator(clock);
            TokenIssuer issuer = new TokenIssuer(tokenStore, values, sealer, signer, userDirectory, issuancePolicy,
                    eventListener, clock, handback);
            AccessTokenVerifier verifier = new AccessTokenVerifier(tokenStore, clientStore, userDirectory);
            TokenService service = new TokenService(
                    new ClientAuthenticator(clientStore, hasher, eventListener, guard, clock),
                    new GrantRegistry(strategies), issuer, tokenStore, clientStore, userDirectory, revocationPolicy,
                    eventListener, verifier);
            ClientAdministration clients = new ClientAdministration(clientStore, tokenStore, generatedSecretHasher,
                    values, eventListener, clock, sealer.isEnabled(), defaultScopes);
            return new TokenServices(service,
                    new TokenAdministration(tokenStore, tokenQuery, sealer, eventListener, verifier), hasher, clients,
                    guard);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + " is required");
            }
        }
    }
}
