package dev.tokenservice.http;

import dev.tokenservice.core.AccountLinkAdministration;
import dev.tokenservice.core.TokenServices;
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
import dev.tokenservice.http.oauth.IntrospectionServlet;
import dev.tokenservice.http.oauth.RevocationServlet;
import dev.tokenservice.http.oauth.TokenEndpointServlet;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FailurePacing;
import dev.tokenservice.http.web.JsonReader;
import dev.tokenservice.http.web.JsonWriter;
import dev.tokenservice.testkit.InMemoryAccountLinkStore;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Every servlet of {@link HttpApplication} wired by hand around a core a test built, on plain Jetty on a free loopback
 * port: for tests whose core has ports no configuration of the stand-alone server gives (a failing store, a clock).
 * Failures are not paced, no signing key is published.
 */
public final class HandWiredServer implements AutoCloseable {
    private final Server jetty;
    private final URI base;

    private HandWiredServer(Server jetty, URI base) {
        this.jetty = jetty;
        this.base = base;
    }

    public static HandWiredServer start(TokenServices core) throws Exception {
        JsonWriter json = new JsonWriter(JsonMappers.create());
        ErrorResponses errors = new ErrorResponses("token-service", json);
        MetadataSettings metadata = MetadataSettings.of("http://localhost");
        HttpApplication application = new HttpApplication(
                new TokenEndpointServlet(core.tokenService(), errors, json, FailurePacing.NONE),
                new TokenAdminServlet(core.administration(), errors, json),
                new HealthServlet(HealthCheck.ALWAYS_UP, errors, json),
                new StandardEndpoints(new RevocationServlet(core.tokenService(), errors, FailurePacing.NONE),
                        new IntrospectionServlet(core.tokenService(), core.administration(), errors, json,
                                FailurePacing.NONE),
                        new AuthorizationServerMetadataServlet(core.tokenService(), metadata, errors, json),
                        new OpenApiServlet(metadata, errors, json),
                        new JwksServlet(null, errors, json),
                        new KeyRotationServlet(null, new BearerAuthorization(core.administration(), errors), errors,
                                json)),
                errors, json,
                new ClientEndpoints(new ClientAdminServlet(core.administration(), core.clientAdministration(), errors,
                        new JsonReader(JsonMappers.create()), json),
                        new AccountLinkAdminServlet(core.administration(),
                                new AccountLinkAdministration(new InMemoryAccountLinkStore()), errors, json)));
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(application.newContextHandler());
        jetty.start();
        return new HandWiredServer(jetty, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    public URI baseUri() {
        return base;
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
