package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.ClientAdministration;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.auth.InMemoryThrottleStore;
import dev.tokenservice.core.crypto.DelegatingSecretHasher;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.RevocationSettings;
import dev.tokenservice.core.port.AccessTokenSigner;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.ThrottleStore;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.TokenValueGenerator;
import dev.tokenservice.core.port.UserDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Wires the core through {@link TokenServices#builder()}, its one construction path.
 *
 * <p>Provides: {@link TokenServices}, {@link TokenService}, {@link TokenAdministration},
 * {@link ClientAdministration}, the {@link AuthenticationThrottle} of failed authentications, and the hashers for
 * secrets of each origin. Requires: {@link TokenStore}, {@link TokenQuery}, {@link ClientStore},
 * {@link UserDirectory}. Defaults that embedders override with {@code OptionalBinder.setBinding()}: {@link Clock}
 * (system UTC), {@link TokenValueGenerator} (SecureRandom), {@link SecretHasher} (PBKDF2, verifying SHA-256 too),
 * {@code @GeneratedSecrets SecretHasher} (SHA-256), {@code @UserPasswords SecretHasher} (PBKDF2),
 * {@link TokenSealer} (none), {@link AccessTokenSigner} (none: opaque tokens only), {@link TokenEventListener}
 * (every listener of the {@code Multibinder<TokenEventListener>}, which modules such as {@link AuditModule} and
 * {@link MetricsModule} join; none by default), {@link IssuanceSettings}, {@link RevocationSettings} and
 * {@link ThrottleSettings} (their defaults), {@link ThrottleStore} (an {@link InMemoryThrottleStore}),
 * {@code @DefaultScopes Scope} (empty). Extension grants join the
 * {@code Multibinder<GrantStrategy>}.
 */
public final class TokenCoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), GrantStrategy.class);
        OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
        OptionalBinder.newOptionalBinder(binder(), TokenValueGenerator.class);
        OptionalBinder.newOptionalBinder(binder(), SecretHasher.class).setDefault()
                .toInstance(DelegatingSecretHasher.standard());
        OptionalBinder.newOptionalBinder(binder(), Key.get(SecretHasher.class, GeneratedSecrets.class))
                .setDefault().to(Sha256SecretHasher.class);
        OptionalBinder.newOptionalBinder(binder(), Key.get(SecretHasher.class, UserPasswords.class))
                .setDefault().toInstance(DelegatingSecretHasher.standard());
        OptionalBinder.newOptionalBinder(binder(), TokenSealer.class).setDefault().toInstance(TokenSealer.NONE);
        OptionalBinder.newOptionalBinder(binder(), AccessTokenSigner.class).setDefault()
                .toInstance(AccessTokenSigner.NONE);
        Multibinder.newSetBinder(binder(), TokenEventListener.class);
        OptionalBinder.newOptionalBinder(binder(), TokenEventListener.class).setDefault()
                .to(Key.get(TokenEventListener.class, EveryListener.class));
        OptionalBinder.newOptionalBinder(binder(), IssuanceSettings.class).setDefault()
                .toInstance(IssuanceSettings.DEFAULT);
        OptionalBinder.newOptionalBinder(binder(), RevocationSettings.class).setDefault()
                .toInstance(RevocationSettings.DEFAULT);
        OptionalBinder.newOptionalBinder(binder(), Key.get(Scope.class, DefaultScopes.class)).setDefault()
                .toInstance(Scope.EMPTY);
        OptionalBinder.newOptionalBinder(binder(), ThrottleSettings.class).setDefault()
                .toInstance(ThrottleSettings.DEFAULT);
        OptionalBinder.newOptionalBinder(binder(), ThrottleStore.class).setDefault().to(InMemoryThrottleStore.class)
                .in(Singleton.class);
    }

    @Provides
    @Singleton
    AuthenticationThrottle authenticationThrottle(ThrottleStore store, ThrottleSettings settings, Clock clock) {
        return new AuthenticationThrottle(store, settings, clock);
    }

    @Provides
    @Singleton
    TokenServices tokenServices(TokenStore store, TokenQuery query, ClientStore clients, UserDirectory users,
            Clock clock, Optional<TokenValueGenerator> values, SecretHasher hasher, TokenSealer sealer,
            AccessTokenSigner signer, TokenEventListener events, IssuanceSettings issuance,
            RevocationSettings revocation, AuthenticationThrottle throttle, Set<GrantStrategy> extensionGrants,
            @GeneratedSecrets SecretHasher generatedSecrets, @DefaultScopes Scope defaultScopes) {
        return TokenServices.builder().tokenStore(store).tokenQuery(query).clientStore(clients).userDirectory(users)
                .clock(clock).valueGenerator(values.orElseGet(() -> new SecureRandomTokenValueGenerator(clock)))
                .secretHasher(hasher).sealer(sealer).signer(signer).eventListener(events)
                .generatedSecretHasher(generatedSecrets).defaultScopes(defaultScopes)
                .issuance(issuance).revocation(revocation).throttle(throttle).grants(extensionGrants).build();
    }

    @Provides
    @Singleton
    @EveryListener
    TokenEventListener everyListener(Set<TokenEventListener> listeners) {
        return TokenEventListener.allOf(List.copyOf(listeners));
    }

    @Provides
    TokenService tokenService(TokenServices services) {
        return services.tokenService();
    }

    @Provides
    TokenAdministration administration(TokenServices services) {
        return services.administration();
    }

    @Provides
    ClientAdministration clientAdministration(TokenServices services) {
        return services.clientAdministration();
    }
}
