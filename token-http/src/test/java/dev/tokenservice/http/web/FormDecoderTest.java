package dev.tokenservice.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

    private static FormParameters decode(String body) {
        return FormDecoder.decode(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertInvalidRequest(String body) {
        assertThatThrownBy(() -> decode(body))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST));
    }

    @Test
    void decodeWhenPlusAndPercentEscapesThenDecodesBoth() {
        FormParameters form = decode("username=jane.doe%40example.com&password=pa+ss%2Bword");

        assertThat(form.get("username")).contains("jane.doe@example.com");
        assertThat(form.get("password")).contains("pa ss+word");
    }

    @Test
    void decodeWhenUtf8EscapesThenDecodesCharacters() {
        FormParameters form = decode("username=J%C3%BCrgen");

        assertThat(form.get("username")).contains("Jürgen");
    }

    @Test
    void decodeWhenParameterRepeatedThenInvalidRequest() {
        assertInvalidRequest("grant_type=password&grant_type=client_credentials");
    }

    @Test
    void decodeWhenParameterRepeatedWithEmptyValueThenInvalidRequest() {
        assertInvalidRequest("scope=&scope=read");
    }

    @Test
    void decodeWhenEscapeIsNotHexThenInvalidRequest() {
        assertInvalidRequest("password=%G1");
    }

    @Test
    void decodeWhenEscapeIsTruncatedThenInvalidRequest() {
        assertInvalidRequest("password=ab%4");
    }

    @Test
    void decodeWhenEscapedBytesAreNotUtf8ThenInvalidRequest() {
        assertInvalidRequest("username=%FF%FE");
    }

    @Test
    void decodeWhenRawBytesAreNotUtf8ThenInvalidRequest() {
        assertThatThrownBy(() -> FormDecoder.decode(new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void decodeWhenTooManyParametersThenInvalidRequest() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= FormDecoder.MAX_PARAMETERS; i++) {
            body.append("p").append(i).append("=x&");
        }

        assertInvalidRequest(body.toString());
    }

    @Test
    void decodeWhenNameIsEmptyThenInvalidRequest() {
        assertInvalidRequest("=value");
    }

    @Test
    void decodeWhenEmptyPairsAndValuelessNamesThenKeepsNamesAsOmitted() {
        FormParameters form = decode("&a=1&&b&");

        assertThat(form.values()).containsOnlyKeys("a", "b");
        assertThat(form.get("b")).isEmpty();
    }

    @Test
    void decodePathSegmentWhenPlusThenKeepsPlus() {
        assertThat(FormDecoder.decodePathSegment("a+b%2Fc%20d")).isEqualTo("a+b/c d");
    }

    @Test
    void toStringWhenValuesAreSecretThenPrintsNamesOnly() {
        assertThat(decode("password=hunter2").toString()).doesNotContain("hunter2").contains("password");
    }
}
