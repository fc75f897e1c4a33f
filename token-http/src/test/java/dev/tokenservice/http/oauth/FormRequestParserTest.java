package dev.tokenservice.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.web.FormParameters;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormRequestParserTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private final FormRequestParser parser = new FormRequestParser(Map.of("token", 8), 4);

    private FormParameters parse(String contentType, String query, String body) {
        return parser.parse(contentType, query, body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertInvalidRequest(String contentType, String query, String body) {
        assertThatThrownBy(() -> parse(contentType, query, body)).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST));
    }

    @Test
    void parseWhenWithinLimitsThenDecoded() {
        FormParameters form = parse(FORM + "; charset=utf-8", "", "token=a%2Bb+c&x=1");

        assertThat(form.values()).containsExactlyInAnyOrderEntriesOf(Map.of("token", "a+b c", "x", "1"));
    }

    @Test
    void parseWhenKnownParameterOverItsLimitThenInvalidRequestNamingIt() {
        assertThatThrownBy(() -> parse(FORM, null, "token=123456789"))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.description()).startsWith("token "));
    }

    @Test
    void parseWhenOtherParameterOverTheDefaultLimitThenInvalidRequestWithoutItsName() {
        assertThatThrownBy(() -> parse(FORM, null, "secret_thing=12345"))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.description()).doesNotContain("secret_thing").startsWith("a parameter"));
    }

    @Test
    void parseWhenQueryStringThenInvalidRequest() {
        assertInvalidRequest(FORM, "token=abc", "");
    }

    @Test
    void parseWhenNotAFormThenInvalidRequest() {
        assertInvalidRequest("application/json", null, "{}");
    }

    @Test
    void parseWhenControlCharacterThenInvalidRequest() {
        assertInvalidRequest(FORM, null, "token=a%0Ab");
    }

    @Test
    void parseWhenParameterRepeatedThenInvalidRequest() {
        assertInvalidRequest(FORM, null, "token=a&token=b");
    }
}
