package com.example.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.testing.RecordedRequest;
import dev.tokenservice.http.testing.TokenServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvoiceTokensTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    @Test
    void fetchesATokenWithItsCredentialsAndScope() throws Exception {
        server.registerClient("invoices", "s3cret", Scope.of("invoices:read"), GrantType.CLIENT_CREDENTIALS);

        String token = new InvoiceTokens(server.tokenEndpoint(), "invoices", "s3cret").fetch();

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.path()).isEqualTo("/oauth/token");
        assertThat(sent.header("Authorization")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
        assertThat(sent.formParameter("scope")).contains("invoices:read");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(token).isNotBlank();
    }
}
