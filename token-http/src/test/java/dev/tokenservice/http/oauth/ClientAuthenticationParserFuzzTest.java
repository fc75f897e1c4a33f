package dev.tokenservice.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientAuthMethod;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.http.web.FormDecoder;
import dev.tokenservice.http.web.FormParameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Any {@code Authorization} header (HTTP Basic or not) with any form body yields presented client credentials or
 * {@code invalid_request} / {@code invalid_client}. An input is the header value, a line feed and the form body; an
 * input without a line feed is a body alone, sent without the header. Stored inputs:
 * {@code ClientAuthenticationParserFuzzTestInputs/parse/}.
 */
class ClientAuthenticationParserFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        int newline = indexOf(input, (byte) '\n');
        Optional<String> authorization = newline < 0 ? Optional.empty()
                : Optional.of(new String(input, 0, newline, StandardCharsets.UTF_8));
        byte[] body = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
        FormParameters form;
        try {
            form = FormDecoder.decode(body);
        } catch (OAuthException e) {
            return;
        }
        ClientAuthentication client;
        try {
            client = ClientAuthenticationParser.parse(authorization, form);
        } catch (OAuthException e) {
            assertThat(e.error()).isIn(OAuthError.INVALID_REQUEST, OAuthError.INVALID_CLIENT);
            return;
        }
        assertThat(client.clientId().value()).isNotBlank()
                .hasSizeLessThanOrEqualTo(ClientAuthenticationParser.MAX_CLIENT_ID_LENGTH);
        if (client.method() != ClientAuthMethod.NONE) {
            assertThat(client.secret().value()).hasSizeLessThanOrEqualTo(ClientAuthenticationParser.MAX_SECRET_LENGTH);
        }
        assertThat(client.method() == ClientAuthMethod.CLIENT_SECRET_BASIC).isEqualTo(authorization.isPresent());
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
