package com.example.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.testing.TestTokenServer;
import dev.tokenservice.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {
    /** What a resource server does with a bearer token: asks the introspection endpoint (RFC 7662). */
    private static boolean active(TestTokenServer server, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.introspectionEndpoint())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("api:api-s3cret".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.contains("\"active\":true");
    }

    @Test
    void tokenExpiresWhenTheClockPassesItsLifetime() throws Exception {
        try (TestTokenServer server = TestTokenServer.builder().clock(MutableClock.start()).start()) {
            server.registerClient("api", "api-s3cret", Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
            server.registerClient("invoices", "s3cret", Scope.of("invoices:read"), GrantType.CLIENT_CREDENTIALS);
            String token = new InvoiceTokens(server.tokenEndpoint(), "invoices", "s3cret").fetch();

            server.clock().advance(Duration.ofMinutes(59));
            assertThat(active(server, token)).isTrue();

            server.clock().advance(Duration.ofMinutes(1));
            assertThat(active(server, token)).isFalse();
        }
    }

    @Test
    void mintedTokenLivesItsOwnLifetime() throws Exception {
        try (TestTokenServer server = TestTokenServer.start()) {
            server.registerClient("api", "api-s3cret", Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
            server.registerClient("web", null, Scope.of("invoices:read"), GrantType.PASSWORD);
            server.registerUser("jane", "pw");

            String token = server.mintAccessToken("web", "jane", Scope.of("invoices:read"), Duration.ofSeconds(30));

            assertThat(active(server, token)).isTrue();
            server.clock().advance(Duration.ofSeconds(30));
            assertThat(active(server, token)).isFalse();
        }
    }
}
