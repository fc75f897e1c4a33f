package dev.tokenservice.http.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 layer: a failing test's report tells what the server received. */
class TokenServerExtensionTest {
    @RegisterExtension
    final TokenServerExtension server = new TokenServerExtension();

    @Test
    void failureWhenServerReceivedRequestsThenReportCarriesThemWithoutSecrets() {
        server.registerClient("billing", "s3cret", Scope.of("invoices"), GrantType.CLIENT_CREDENTIALS);
        server.clientCredentialsToken("billing", "s3cret");
        AssertionError failure = new AssertionError("expected the invoice call");

        assertThatThrownBy(() -> server.handleTestExecutionException(null, failure)).isSameAs(failure);

        assertThat(failure.getSuppressed()).singleElement()
                .satisfies(received -> assertThat(received.getMessage())
                        .startsWith("the token server received 1 request:")
                        .contains("POST /oauth/token -> 200", "client_id=billing", "client_secret=***")
                        .doesNotContain("s3cret"));
    }

    @Test
    void serverWhenStoppedThenTellsHowToRegisterTheExtension() {
        server.stop();

        assertThatThrownBy(server::baseUri).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension");
    }
}
