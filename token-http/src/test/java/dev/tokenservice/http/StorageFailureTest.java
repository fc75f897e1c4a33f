package dev.tokenservice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.auth.StoredUserDirectory;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catch-all over a real socket: a storage failure is a bare {@code 500 server_error}, never its details. */
class StorageFailureTest {
    private HandWiredServer server;
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
        server = HandWiredServer.start(core);
        base = server.baseUri();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
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
