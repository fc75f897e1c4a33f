package dev.tokenservice.http.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.grant.Grant;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.http.HttpApplication;
import dev.tokenservice.http.discovery.MetadataSettings;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.http.web.ErrorResponses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

class HttpModuleTest {
    private static final MetadataModule METADATA = new MetadataModule(MetadataSettings.of("https://auth.example.com"));

    /** An embedder's extension grant (RFC 6749 §4.5), joined through the multibinder. */
    private static final class DeviceGrantStrategy implements GrantStrategy {
        @Override
        public GrantType grantType() {
            return GrantType.of("urn:example:grant-type:device");
        }

        @Override
        public Grant grant(Client client, TokenRequest request) {
            return Grant.forClient(grantType(), Scope.EMPTY);
        }
    }

    @Test
    void injectorWhenRealmOverriddenThenChallengesNameIt() {
        Injector injector = Guice.createInjector(new HttpModule(), new TokenCoreModule(), new InMemoryStoresModule(),
                METADATA, new AbstractModule() {
                    @Override
                    protected void configure() {
                        OptionalBinder.newOptionalBinder(binder(), Key.get(String.class, Realm.class)).setBinding()
                                .toInstance("example");
                    }
                });

        ErrorResponses errors = injector.getInstance(ErrorResponses.class);

        assertThat(errors.bearerMissing().headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"example\"");
        assertThat(injector.getInstance(HttpApplication.class).newContextHandler().getContextPath()).isEqualTo("/");
    }

    @Test
    void metadataWhenExtensionGrantBoundThenListedWithTheBuiltInGrants() throws Exception {
        Injector injector = Guice.createInjector(new HttpModule(), new TokenCoreModule(), new InMemoryStoresModule(),
                METADATA, new AbstractModule() {
                    @Override
                    protected void configure() {
                        Multibinder.newSetBinder(binder(), GrantStrategy.class).addBinding()
                                .toInstance(new DeviceGrantStrategy());
                    }
                });
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(injector.getInstance(HttpApplication.class).newContextHandler());
        jetty.start();
        JsonNode metadata;
        try {
            URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + EndpointPaths.METADATA);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            metadata = JsonMappers.create().readTree(response.body());
        } finally {
            jetty.stop();
        }

        assertThat(metadata.get("grant_types_supported")).extracting(JsonNode::asText).containsExactly(
                "client_credentials", "password", "refresh_token", "urn:example:grant-type:device");
        assertThat(metadata.get("issuer").asText()).isEqualTo("https://auth.example.com");
        assertThat(metadata.get("token_endpoint").asText()).isEqualTo("https://auth.example.com/oauth/token");
    }
}
