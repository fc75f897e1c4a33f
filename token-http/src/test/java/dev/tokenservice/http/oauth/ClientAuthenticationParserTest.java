package dev.tokenservice.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientAuthMethod;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.http.web.FormParameters;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAuthenticationParserTest {

    private static Optional<String> basic(String credentials) {
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertError(OAuthError expected, Optional<String> authorization, Map<String, String> form) {
        assertThatThrownBy(() -> ClientAuthenticationParser.parse(authorization, new FormParameters(form)))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void parseWhenBasicThenFormDecodesIdAndSecret() {
        ClientAuthentication auth = ClientAuthenticationParser.parse(
                basic("web%2Eapp%3Av1:s%3Acret+with%2Bplus"), FormParameters.EMPTY);

        assertThat(auth.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(auth.clientId()).isEqualTo(ClientId.of("web.app:v1"));
        assertThat(auth.secret().value()).isEqualTo("s:cret with+plus");
    }

    @Test
    void parseWhenBasicSchemeInOtherCaseThenAccepted() {
        String encoded = Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8));

        ClientAuthentication auth = ClientAuthenticationParser.parse(Optional.of("bAsIc " + encoded), FormParameters.EMPTY);

        assertThat(auth.clientId()).isEqualTo(ClientId.of("a"));
    }

    @Test
    void parseWhenBasicAndBodySecretThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, basic("a:b"), Map.of("client_secret", "b"));
    }

    @Test
    void parseWhenBasicAndSameBodyClientIdThenBasic() {
        ClientAuthentication auth = ClientAuthenticationParser.parse(basic("a:b"), new FormParameters(Map.of("client_id", "a")));

        assertThat(auth.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void parseWhenBasicAndOtherBodyClientIdThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, basic("a:b"), Map.of("client_id", "c"));
    }

    @Test
    void parseWhenBasicWithoutColonThenInvalidClient() {
        assertError(OAuthError.INVALID_CLIENT, basic("justanid"), Map.of());
    }

    @Test
    void parseWhenBasicNotBase64ThenInvalidClient() {
        assertError(OAuthError.INVALID_CLIENT, Optional.of("Basic !!!"), Map.of());
    }

    @Test
    void parseWhenBasicHasBadEscapeThenInvalidClient() {
        assertError(OAuthError.INVALID_CLIENT, basic("a%ZZ:b"), Map.of());
    }

    @Test
    void parseWhenOtherSchemeThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, Optional.of("Bearer abc"), Map.of("client_id", "a"));
    }

    @Test
    void parseWhenBodyIdAndSecretThenPost() {
        ClientAuthentication auth = ClientAuthenticationParser.parse(Optional.empty(),
                new FormParameters(Map.of("client_id", "a", "client_secret", "b")));

        assertThat(auth.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(auth.secret().value()).isEqualTo("b");
    }

    @Test
    void parseWhenBodyIdOnlyThenNone() {
        ClientAuthentication auth = ClientAuthenticationParser.parse(Optional.empty(),
                new FormParameters(Map.of("client_id", "a", "client_secret", "")));

        assertThat(auth.method()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void parseWhenNoClientThenInvalidClient() {
        assertError(OAuthError.INVALID_CLIENT, Optional.empty(), Map.of());
    }

    @Test
    void parseWhenClientIdTooLongThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, Optional.empty(), Map.of("client_id", "a".repeat(257)));
    }

    @Test
    void parseWhenSecretTooLongThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, Optional.empty(), Map.of("client_id", "a", "client_secret", "s".repeat(513)));
    }

    @Test
    void attemptsBasicWhenBasicHeaderThenTrue() {
        assertThat(ClientAuthenticationParser.attemptsBasic(Optional.of("Basic xyz"))).isTrue();
        assertThat(ClientAuthenticationParser.attemptsBasic(Optional.of("Bearer xyz"))).isFalse();
        assertThat(ClientAuthenticationParser.attemptsBasic(Optional.empty())).isFalse();
    }
}
