package dev.tokenservice.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRequestParserTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static TokenRequest parse(String contentType, String query, String body) {
        return TokenRequestParser.parse(contentType, Optional.empty(), query, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(OAuthError expected, String contentType, String query, String body) {
        assertThatThrownBy(() -> parse(contentType, query, body))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void parseWhenPasswordGrantThenKeepsGrantParametersWithoutClientCredentials() {
        TokenRequest request = parse(FORM, null,
                "grant_type=password&client_id=web&client_secret=s&username=jane&password=pw&scope=read+write");

        assertThat(request.grantType()).isEqualTo(GrantType.PASSWORD);
        assertThat(request.parameters()).containsOnlyKeys("username", "password", "scope");
        assertThat(request.parameter("scope")).contains("read write");
    }

    @Test
    void parseWhenCharsetUtf8ThenAccepted() {
        TokenRequest request = parse("Application/X-WWW-Form-Urlencoded; charset=UTF-8", null,
                "grant_type=client_credentials&client_id=a&client_secret=b");

        assertThat(request.grantType()).isEqualTo(GrantType.CLIENT_CREDENTIALS);
    }

    @Test
    void parseWhenJsonBodyThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, "application/json", null, "{\"grant_type\":\"password\"}");
    }

    @Test
    void parseWhenOtherCharsetThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM + "; charset=ISO-8859-1", null, "grant_type=password&client_id=a");
    }

    @Test
    void parseWhenNoContentTypeThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, null, null, "grant_type=password&client_id=a");
    }

    @Test
    void parseWhenParametersInQueryThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, "client_secret=b", "grant_type=client_credentials&client_id=a");
    }

    @Test
    void parseWhenGrantTypeMissingThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "client_id=a&client_secret=b");
    }

    @Test
    void parseWhenGrantTypeRepeatedThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=password&grant_type=password&client_id=a");
    }

    @Test
    void parseWhenUsernameTooLongThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=password&client_id=a&username=" + "u".repeat(257));
    }

    @Test
    void parseWhenPasswordTooLongThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=password&client_id=a&password=" + "p".repeat(1025));
    }

    @Test
    void parseWhenScopeTooLongThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=password&client_id=a&scope=" + "s".repeat(1025));
    }

    @Test
    void parseWhenTokenTooLongThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=google&client_id=a&token=" + "t".repeat(8193));
    }

    @Test
    void parseWhenRefreshTokenTooLongThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null,
                "grant_type=refresh_token&client_id=a&refresh_token=" + "t".repeat(513));
    }

    @Test
    void parseWhenValueHoldsLineBreakThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=password&client_id=a&username=jane%0D%0Ax");
    }

    @Test
    void parseWhenGrantTypeBlankOrSpacedThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=+&client_id=a");
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=client+credentials&client_id=a");
    }

    @Test
    void parseWhenUsernameBlankThenInvalidRequest() {
        assertError(OAuthError.INVALID_REQUEST, FORM, null, "grant_type=password&client_id=a&username=++&password=x");
    }

    @Test
    void parseWhenNoClientThenInvalidClient() {
        assertError(OAuthError.INVALID_CLIENT, FORM, null, "grant_type=client_credentials");
    }

    @Test
    void toStringWhenPasswordPresentThenDoesNotPrintIt() {
        TokenRequest request = parse(FORM, null, "grant_type=password&client_id=a&username=jane&password=hunter2");

        assertThat(request.toString()).doesNotContain("hunter2");
    }
}
