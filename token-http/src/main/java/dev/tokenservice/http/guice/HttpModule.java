package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.http.HttpApplication;
import dev.tokenservice.http.StandardEndpoints;
import dev.tokenservice.http.admin.TokenAdminServlet;
import dev.tokenservice.http.discovery.AuthorizationServerMetadataServlet;
import dev.tokenservice.http.discovery.MetadataSettings;
import dev.tokenservice.http.discovery.OpenApiServlet;
import dev.tokenservice.http.health.HealthCheck;
import dev.tokenservice.http.health.HealthServlet;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.oauth.IntrospectionServlet;
import dev.tokenservice.http.oauth.RevocationServlet;
import dev.tokenservice.http.oauth.TokenEndpointServlet;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.JsonWriter;

/**
 * Wires the HTTP adapter.
 *
 * <p>Provides: {@link HttpApplication} (the servlets on a context, ready for Jetty), the servlets,
 * {@link StandardEndpoints}, {@link ErrorResponses} and {@link JsonWriter}. Requires: {@link TokenService} and
 * {@link TokenAdministration} (from {@link TokenCoreModule}), {@link MetadataSettings} (from {@link MetadataModule}).
 * Defaults that embedders override with {@code OptionalBinder.setBinding()}: {@code @Realm String}
 * ({@code token-service}) and {@link HealthCheck} (always up).
 */
public final class HttpModule extends AbstractModule {
    /** The realm of the server's challenges unless one is bound. */
    public static final String DEFAULT_REALM = "token-service";

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Key.get(String.class, Realm.class)).setDefault()
                .toInstance(DEFAULT_REALM);
        OptionalBinder.newOptionalBinder(binder(), HealthCheck.class).setDefault().toInstance(HealthCheck.ALWAYS_UP);
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
    TokenEndpointServlet tokenEndpoint(TokenService tokens, ErrorResponses errors, JsonWriter json) {
        return new TokenEndpointServlet(tokens, errors, json);
    }

    @Provides
    @Singleton
    TokenAdminServlet administration(TokenAdministration administration, ErrorResponses errors, JsonWriter json) {
        return new TokenAdminServlet(administration, errors, json);
    }

    @Provides
    @Singleton
    HealthServlet health(HealthCheck check, ErrorResponses errors, JsonWriter json) {
        return new HealthServlet(check, errors, json);
    }

    @Provides
    @Singleton
    StandardEndpoints standardEndpoints(TokenService tokens, TokenAdministration administration,
            MetadataSettings metadata, ErrorResponses errors, JsonWriter json) {
        return new StandardEndpoints(new RevocationServlet(tokens, errors),
                new IntrospectionServlet(tokens, administration, errors, json),
                new AuthorizationServerMetadataServlet(tokens, metadata, errors, json),
                new OpenApiServlet(metadata, errors, json));
    }

    @Provides
    @Singleton
    HttpApplication application(TokenEndpointServlet tokenEndpoint, TokenAdminServlet administration,
            HealthServlet health, StandardEndpoints standard, ErrorResponses errors, JsonWriter json) {
        return new HttpApplication(tokenEndpoint, administration, health, standard, errors, json);
    }
}
