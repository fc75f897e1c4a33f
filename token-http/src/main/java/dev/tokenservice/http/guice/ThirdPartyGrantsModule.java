package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.tokenservice.core.auth.AccountLinker;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.grant.ThirdPartyTokenGrantStrategy;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.http.thirdparty.ProviderHttpClient;
import dev.tokenservice.http.thirdparty.ProviderSettings;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import java.time.Clock;
import java.util.Objects;

/**
 * The third-party grants: one {@link ThirdPartyTokenGrantStrategy} per configured provider, added to the
 * {@code Multibinder<GrantStrategy>} of {@link TokenCoreModule}, so they are answered by the token endpoint and listed
 * by {@code TokenService.grantTypes()}. With {@link ThirdPartyProviders#NONE} it adds no grant.
 *
 * <p>Provides: the strategies, {@link AccountLinker} and {@link ProviderHttpClient}. Requires:
 * {@link AccountLinkStore} and {@link UserAccountStore} (from {@link PersistenceModule}), {@link Clock},
 * {@link TokenEventListener} and {@link AuthenticationThrottle} (from {@link TokenCoreModule}).
 */
public final class ThirdPartyGrantsModule extends AbstractModule {
    private final ThirdPartyProviders providers;

    public ThirdPartyGrantsModule(ThirdPartyProviders providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    protected void configure() {
        Provider<ProviderHttpClient> http = getProvider(ProviderHttpClient.class);
        Provider<Clock> clock = getProvider(Clock.class);
        Provider<AccountLinker> linker = getProvider(AccountLinker.class);
        Provider<AuthenticationThrottle> throttle = getProvider(AuthenticationThrottle.class);
        Multibinder<GrantStrategy> grants = Multibinder.newSetBinder(binder(), GrantStrategy.class);
        // A multibinder takes its elements one binding at a time (Guice has no addAll): one per configured provider.
        for (ProviderSettings provider : providers.providers()) {
            grants.addBinding().toProvider(() -> provider.newGrantStrategy(http.get(), clock.get(), linker.get(),
                    throttle.get()))
                    .in(Singleton.class);
        }
    }

    @Provides
    @Singleton
    ProviderHttpClient providerHttpClient() {
        return new ProviderHttpClient(providers.timeout());
    }

    @Provides
    @Singleton
    AccountLinker accountLinker(AccountLinkStore links, UserAccountStore accounts, Clock clock,
            TokenEventListener events) {
        return new AccountLinker(links, accounts, clock, events);
    }
}
