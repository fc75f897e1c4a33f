package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.AccountLinkAdministration;
import dev.tokenservice.core.ClientAdministration;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.http.ClientEndpoints;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.http.HttpApplication;
import dev.tokenservice.http.StandardEndpoints;
import dev.tokenservice.http.admin.TokenAdminServlet;
import dev.tokenservice.http.clients.AccountLinkAdminServlet;
import dev.tokenservice.http.clients.ClientAdminServlet;
import dev.tokenservice.http.discovery.AuthorizationServerMetadataServlet;
import dev.tokenservice.http.discovery.MetadataSettings;
import dev.tokenservice.http.discovery.OpenApiServlet;
import dev.tokenservice.http.health.HealthCheck;
import dev.tokenservice.http.health.HealthServlet;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.jwt.JwksServlet;
import dev.tokenservice.http.jwt.KeyRotationServlet;
import dev.tokenservice.http.jwt.SigningKeys;
import dev.tokenservice.http.metrics.HttpMetrics;
import dev.tokenservice.http.oauth.IntrospectionServlet;
import dev.tokenservice.http.oauth.RevocationServlet;
import dev.tokenservice.http.oauth.TokenEndpointServlet;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FailurePacing;
import dev.tokenservice.http.web.JsonReader;
import dev.tokenservice.http.web.JsonWriter;
import java.util.Optional;

/**
 * Wires the HTTP adapter.
 *
 * <p>Provides: {@link HttpApplication} (the servlets on a context, ready for Jetty), the servlets,
 * {@link StandardEndpoints}, {@link ClientEndpoints}, {@link ErrorResponses}, {@link JsonWriter} and
 * {@link FailurePacing} (measured on the core's secret hasher). Requires: {@link TokenServices}, {@link TokenService},
 * {@link TokenAdministration} and {@link ClientAdministration} (from {@link TokenCoreModule}), {@link MetadataSettings}
 * (from {@link MetadataModule}), {@link AccountLinkStore} (from {@link PersistenceModule}).
 * Defaults that embedders override with {@code OptionalBinder.setBinding()}: {@code @Realm String}
 * ({@code token-service}) and {@link HealthCheck} (always up). Optional: {@link SigningKeys} (of {@link JwtModule}),
 * whose public keys the JWK set endpoint publishes and which the rotation call rotates; without it the set is empty;
 * {@link HttpMetrics} (from {@link MetricsModule}), which counts and times every request and serves
 * {@code GET /metrics}.
 */
public final class HttpModule extends AbstractModule {
    /** The realm of the server's challenges unless one is bound. */
    public static final String DEFAULT_REALM = "token-service";

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Key.get(String.class, Realm.class)).setDefault()
                .toInstance(DEFAULT_REALM);
        OptionalBinder.newOptionalBinder(binder(), HealthCheck.class).setDefault().toInstance(HealthCheck.ALWAYS_UP);
        OptionalBinder.newOptionalBinder(binder(), SigningKeys.class);
        OptionalBinder.newOptionalBinder(binder(), HttpMetrics.class);
    }

    @Provides
    @Singleton
    JsonWriter jsonWriter() {
        return new JsonWriter(JsonMappers.shared());
    }

    @Provides
    @Singleton
    ErrorResponses errorResponses(@Realm String realm, JsonWriter json) {
        return new ErrorResponses(realm, json);
    }

    @Provides
    @Singleton
    FailurePacing failurePacing(TokenServices core) {
        return FailurePacing.measuring(core.secretHasher());
    }

    @Provides
    @Singleton
    TokenEndpointServlet tokenEndpoint(TokenService tokens, ErrorResponses errors, JsonWriter json,
            FailurePacing pacing) {
        return new TokenEndpointServlet(tokens, errors, json, pacing);
    }

    @Provides
    @Singleton
    TokenAdminServlet administration(TokenAdministration administration, ErrorResponses errors, JsonWriter json) {
        return new TokenAdminServlet(administration, errors, json);
    }

    @Provides
    @Singleton
    ClientEndpoints clientEndpoints(TokenAdministration administration, ClientAdministration clients,
            AccountLinkStore links, ErrorResponses errors, JsonWriter json) {
        return new ClientEndpoints(
                new ClientAdminServlet(administration, clients, errors, new JsonReader(JsonMappers.create()), json),
                new AccountLinkAdminServlet(administration, new AccountLinkAdministration(links), errors, json));
    }

    @Provides
    @Singleton
    HealthServlet health(HealthCheck check, ErrorResponses errors, JsonWriter json) {
        return new HealthServlet(check, errors, json);
    }

    @Provides
    @Singleton
    StandardEndpoints standardEndpoints(TokenService tokens, TokenAdministration administration,
            MetadataSettings metadata, Optional<SigningKeys> signingKeys, ErrorResponses errors, JsonWriter json,
            FailurePacing pacing) {
        return new StandardEndpoints(new RevocationServlet(tokens, errors, pacing),
                new IntrospectionServlet(tokens, administration, errors, json, pacing),
                new AuthorizationServerMetadataServlet(tokens, metadata, errors, json),
                new OpenApiServlet(metadata, errors, json),
                new JwksServlet(signingKeys.orElse(null), errors, json),
                new KeyRotationServlet(signingKeys.orElse(null), new BearerAuthorization(administration, errors),
                        errors, json));
    }

    @Provides
    @Singleton
    HttpApplication application(TokenEndpointServlet tokenEndpoint, TokenAdminServlet administration,
            HealthServlet health, StandardEndpoints standard, ErrorResponses errors, JsonWriter json,
            ClientEndpoints clients, Optional<HttpMetrics> metrics) {
        return new HttpApplication(tokenEndpoint, administration, health, standard, errors, json, clients, metrics);
    }
}
