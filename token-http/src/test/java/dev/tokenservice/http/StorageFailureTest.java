package dev.tokenservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.http.admin.TokenAdminServlet;
import dev.tokenservice.http.discovery.AuthorizationServerMetadataServlet;
import dev.tokenservice.http.discovery.MetadataSettings;
import dev.tokenservice.http.discovery.OpenApiServlet;
import dev.tokenservice.http.health.HealthCheck;
import dev.tokenservice.http.health.HealthServlet;
import dev.tokenservice.core.AccountLinkAdministration;
import dev.tokenservice.http.clients.AccountLinkAdminServlet;
import dev.tokenservice.http.clients.ClientAdminServlet;
import dev.tokenservice.http.json.JsonMappers;
import dev.tokenservice.http.web.JsonReader;
import dev.tokenservice.testkit.InMemoryAccountLinkStore;
import dev.tokenservice.http.jwt.JwksServlet;
import dev.tokenservice.http.jwt.KeyRotationServlet;
import dev.tokenservice.http.oauth.IntrospectionServlet;
import dev.tokenservice.http.oauth.RevocationServlet;
import dev.tokenservice.http.oauth.TokenEndpointServlet;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FailurePacing;
import dev.tokenservice.http.web.JsonWriter;
import dev.tokenservice.testkit.FailingTokenStore;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.InMemoryTokenStore;
import dev.tokenservice.testkit.InMemoryUserAccountStore;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestHashers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catch-all over a real socket: a storage failure is a bare {@code 500 server_error}, never its details. */
class StorageFailureTest {
    private Server jetty;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        TokenServices core = TokenServices.builder()
                .tokenStore(new FailingTokenStore())
                .tokenQuery(new InMemoryTokenStore(Clock.systemUTC()))
                .clientStore(InMemoryClientStore.of(TestClients.confidential().build()))
                .userDirectory(new StoredUserDirectory(new InMemoryUserAccountStore(), TestHashers.fast()))
                .secretHasher(TestHashers.fast())
                .build();
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
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(application.newContextHandler());
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void tokenWhenStoreFailsThen500ServerErrorWithoutDetails() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + TestClients.CONFIDENTIAL_ID + "&client_secret=" + TestClients.SECRET))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"error\":\"server_error\"")
                .doesNotContain("unavailable").doesNotContain("Exception").doesNotContain("dev.tokenservice");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void revokeWhenStoreFailsThen500ServerErrorWithoutDetails() throws Exception {
        HttpResponse<String> response = postForm("/oauth/revoke", "token=c29tZS10b2tlbg&client_id="
                + TestClients.CONFIDENTIAL_ID + "&client_secret=" + TestClients.SECRET);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"error\":\"server_error\"").doesNotContain("Exception");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void introspectWhenStoreFailsThen500ServerErrorWithoutDetails() throws Exception {
        HttpResponse<String> response = postForm("/oauth/introspect", "token=c29tZS10b2tlbg&client_id="
                + TestClients.CONFIDENTIAL_ID + "&client_secret=" + TestClients.SECRET);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"error\":\"server_error\"").doesNotContain("Exception");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    private HttpResponse<String> postForm(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminWhenStoreFailsThen500ServerError() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/auth/tokens"))
                .header("Authorization", "Bearer c29tZS10b2tlbg").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"error\":\"server_error\"").doesNotContain("Exception");
    }
}
