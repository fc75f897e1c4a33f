package dev.tokenservice.http.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.grant.Grant;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.testkit.TestClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenCoreModuleTest {
    private final InMemoryStoresModule stores = new InMemoryStoresModule();

    /** An extension grant as an embedder would register one. */
    private static final class TrustedDeviceGrantStrategy implements GrantStrategy {
        @Override
        public GrantType grantType() {
            return GrantType.of("urn:example:trusted-device");
        }

        @Override
        public Grant grant(Client client, TokenRequest request) {
            return Grant.forUser(grantType(), Username.of("device-owner"), Scope.EMPTY);
        }
    }

    @Test
    void injectorWhenOverridesAndExtensionGrantBoundThenCoreUsesThem() {
        Injector injector = Guice.createInjector(new TokenCoreModule(), stores, new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), Clock.class).setBinding().toInstance(stores.clock);
                Multibinder.newSetBinder(binder(), GrantStrategy.class).addBinding().to(TrustedDeviceGrantStrategy.class);
            }
        });
        GrantType device = GrantType.of("urn:example:trusted-device");
        Client client = TestClients.confidential().grantTypes(GrantType.CLIENT_CREDENTIALS, device).build();
        stores.clients.save(client);
        TokenServices core = injector.getInstance(TokenServices.class);

        TokenResponse response = core.tokenService().issue(
                new TokenRequest(device, TestClients.credentials(client), Map.of()));

        assertThat(core.tokenService().grantTypes()).contains(device, GrantType.PASSWORD);
        assertThat(response.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(stores.tokens.findAccessToken(TokenDigest.of(response.accessToken())))
                .hasValueSatisfying(token -> assertThat(token.issuedAt()).isEqualTo(stores.clock.instant()));
        assertThat(injector.getInstance(Key.get(SecretHasher.class, GeneratedSecrets.class)))
                .isInstanceOf(Sha256SecretHasher.class);
    }
}
