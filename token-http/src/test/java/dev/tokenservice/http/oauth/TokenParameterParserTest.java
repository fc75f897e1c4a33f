package dev.tokenservice.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientAuthMethod;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.TokenValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TokenParameterParserTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static RevocationRequest withClient(Optional<String> authorization, String body) {
        return TokenParameterParser.parseWithClient(FORM, authorization, null, body.getBytes(StandardCharsets.UTF_8),
                RevocationRequest::new);
    }

    private static TokenValue withoutClient(String body) {
        return TokenParameterParser.parseWithoutClient(FORM, null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(OAuthError expected, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void parseWithClientWhenSecretInBodyThenPostAndToken() {
        RevocationRequest request = withClient(Optional.empty(), "token=abc&client_id=web&client_secret=s");

        assertThat(request.token()).isEqualTo(TokenValue.of("abc"));
        assertThat(request.client().method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(request.client().clientId()).isEqualTo(ClientId.of("web"));
    }

    @Test
    void parseWithClientWhenBasicThenBasic() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("web:s".getBytes(StandardCharsets.UTF_8));

        RevocationRequest request = withClient(Optional.of(basic), "token=abc");

        assertThat(request.client().method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void parseWithClientWhenPublicClientThenNone() {
        RevocationRequest request = withClient(Optional.empty(), "token=abc&client_id=web");

        assertThat(request.client().method()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void parseWithClientWhenHintUnknownThenAcceptedAndIgnored() {
        RevocationRequest request = withClient(Optional.empty(), "token=abc&token_type_hint=id_token&client_id=web");

        assertThat(request.token()).isEqualTo(TokenValue.of("abc"));
    }

    @Test
    void parseWithClientWhenUnknownParameterThenIgnored() {
        RevocationRequest request = withClient(Optional.empty(), "token=abc&client_id=web&resource=https%3A%2F%2Fapi");

        assertThat(request.token()).isEqualTo(TokenValue.of("abc"));
    }

    @Test
    void parseWithClientWhenTokenMissingThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, () -> withClient(Optional.empty(), "client_id=web&token="));
    }

    @Test
    void parseWithClientWhenTokenRepeatedThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, () -> withClient(Optional.empty(), "token=a&token=b&client_id=web"));
    }

    @Test
    void parseWithClientWhenNoClientThenInvalidClient() {
        assertError(OAuthError.INVALID_CLIENT, () -> withClient(Optional.empty(), "token=abc"));
    }

    @Test
    void parseWithClientWhenTokenInQueryThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, () -> TokenParameterParser.parseWithClient(FORM, Optional.empty(),
                "token=abc", "client_id=web".getBytes(StandardCharsets.UTF_8), RevocationRequest::new));
    }

    @Test
    void parseWithClientWhenTokenLongerThanAnyTokenThenInvalidRequest() {
        String token = "a".repeat(TokenRequestParser.MAX_TOKEN_LENGTH + 1);

        assertError(OAuthError.INVALID_REQUEST, () -> withClient(Optional.empty(), "client_id=web&token=" + token));
    }

    @Test
    void parseWithoutClientWhenOnlyTokenThenToken() {
        assertThat(withoutClient("token=abc&token_type_hint=refresh_token")).isEqualTo(TokenValue.of("abc"));
    }

    @Test
    void parseWithoutClientWhenClientCredentialsTooThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, () -> withoutClient("token=abc&client_id=web&client_secret=s"));
    }

    @Test
    void toStringWhenPrintedThenShowsNeitherTokenNorSecret() {
        RevocationRequest request = withClient(Optional.empty(), "token=tok3n&client_id=web&client_secret=s3cret");

        assertThat(request.toString()).doesNotContain("tok3n").doesNotContain("s3cret").contains("web");
    }
}
