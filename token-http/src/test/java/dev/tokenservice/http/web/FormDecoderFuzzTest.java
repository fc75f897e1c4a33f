package dev.tokenservice.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Any request body or query string is decoded into parameters or refused as {@code invalid_request}, and what is
 * decoded, encoded again, decodes to the same parameters. Stored inputs: {@code FormDecoderFuzzTestInputs/decode/}.
 */
class FormDecoderFuzzTest {

    @FuzzTest
    void decode(byte[] body) {
        FormParameters form;
        try {
            form = FormDecoder.decode(body);
        } catch (OAuthException e) {
            assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
            return;
        }
        assertThat(form.values()).hasSizeLessThanOrEqualTo(FormDecoder.MAX_PARAMETERS);
        String encoded = form.values().entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        assertThat(FormDecoder.decode(encoded.getBytes(StandardCharsets.US_ASCII))).isEqualTo(form);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
