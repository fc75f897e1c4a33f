package dev.tokenservice.http.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.grant.ThirdPartyTokenGrantStrategy;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.http.thirdparty.FacebookSettings;
import dev.tokenservice.http.thirdparty.OidcProviderSettings;
import dev.tokenservice.http.thirdparty.ProviderHttpClient;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThirdPartyGrantsModuleTest {

    @Test
    void injectorWhenProvidersConfiguredThenOneStrategyEachAndTheServiceListsThem() {
        ThirdPartyProviders settings = ThirdPartyProviders.NONE
                .with(OidcProviderSettings.google(Set.of("web.apps.googleusercontent.com"), true))
                .with(FacebookSettings.of("1234", "app-secret", false))
                .with(OidcProviderSettings.of("oidc:acme", "https://login.acme.example",
                        URI.create("https://login.acme.example/keys"), Set.of("token-service"), true));
        Injector injector = Guice.createInjector(new TokenCoreModule(), new InMemoryStoresModule(),
                new ThirdPartyGrantsModule(settings));

        Set<GrantType> grantTypes = injector.getInstance(TokenServices.class).tokenService().grantTypes();

        assertThat(grantTypes).contains(GrantType.of("google"), GrantType.of("facebook"), GrantType.of("oidc:acme"),
                GrantType.PASSWORD);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<GrantStrategy>>() { })))
                .hasSize(3).allSatisfy(strategy -> assertThat(strategy).isInstanceOf(ThirdPartyTokenGrantStrategy.class));
    }

    @Test
    void injectorWhenNoProviderThenOnlyTheBuiltInGrants() {
        Injector injector = Guice.createInjector(new TokenCoreModule(), new InMemoryStoresModule(),
                new ThirdPartyGrantsModule(ThirdPartyProviders.NONE));

        Set<GrantType> grantTypes = injector.getInstance(TokenServices.class).tokenService().grantTypes();

        assertThat(grantTypes).containsExactlyInAnyOrder(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD,
                GrantType.REFRESH_TOKEN);
    }

    @Test
    void injectorWhenProductionStageThenNoHttpClientIsBuiltBeforeTheFirstCall() {
        long selectorThreads = httpClientSelectorThreads();

        Injector injector = Guice.createInjector(Stage.PRODUCTION, new TokenCoreModule(), new InMemoryStoresModule(),
                new ThirdPartyGrantsModule(ThirdPartyProviders.NONE.with(FacebookSettings.of("1234", "app-secret", false))));

        assertThat(injector.getInstance(ProviderHttpClient.class)).isNotNull();
        assertThat(httpClientSelectorThreads()).isLessThanOrEqualTo(selectorThreads);
    }

    /** Each {@link java.net.http.HttpClient} runs a selector thread of its own from the moment it is built. */
    private static long httpClientSelectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("HttpClient-") && thread.getName().endsWith("-SelectorManager"))
                .count();
    }
}
