package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.tokenservice.core.auth.AccountLinker;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.grant.ThirdPartyTokenGrantStrategy;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.http.thirdparty.ProviderHttpClient;
import dev.tokenservice.http.thirdparty.ProviderSettings;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/**
 * The social grants: one {@link ThirdPartyTokenGrantStrategy} per configured identity provider, added to the
 * {@code Multibinder<GrantStrategy>} of {@link TokenCoreModule}, so they are answered by the token endpoint and listed
 * by {@code TokenService.grantTypes()}. With {@link ThirdPartyProviders#NONE} it adds no grant.
 *
 * <p>Provides: the strategies, {@link AccountLinker} and, when a provider is configured, {@link ProviderHttpClient}
 * (without one the server makes no outgoing call, and skips the client's TLS set-up, a few hundred milliseconds at
 * start). Requires:
 * {@link AccountLinkStore} and {@link UserAccountStore} (from {@link PersistenceModule}), {@link Clock} and
 * {@link TokenEventListener} (from {@link TokenCoreModule}).
 */
public final class ThirdPartyGrantsModule extends AbstractModule {
    private final ThirdPartyProviders settings;

    public ThirdPartyGrantsModule(ThirdPartyProviders settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        Multibinder<GrantStrategy> grants = Multibinder.newSetBinder(binder(), GrantStrategy.class);
        for (ProviderSettings provider : settings.providers()) {
            grants.addBinding().toProvider(new SocialGrantProvider(provider)).in(Singleton.class);
        }
        if (!settings.providers().isEmpty()) {
            bind(ProviderHttpClient.class).toInstance(new ProviderHttpClient(settings.timeout()));
        }
    }

    @Provides
    @Singleton
    AccountLinker accountLinker(AccountLinkStore links, UserAccountStore accounts, Clock clock,
            TokenEventListener events) {
        return new AccountLinker(links, accounts, clock, events);
    }

    /** Builds the strategy of one provider once the injector can hand out what it needs. */
    private static final class SocialGrantProvider implements Provider<GrantStrategy> {
        private final ProviderSettings provider;
        @Inject
        private AccountLinker linker;
        @Inject
        private ProviderHttpClient http;
        @Inject
        private Clock clock;

        SocialGrantProvider(ProviderSettings provider) {
            this.provider = provider;
        }

        @Override
        public GrantStrategy get() {
            return new ThirdPartyTokenGrantStrategy(GrantType.of(provider.grantType()),
                    provider.newVerifier(http, clock), linker, provider.linkingPolicy());
        }
    }
}
