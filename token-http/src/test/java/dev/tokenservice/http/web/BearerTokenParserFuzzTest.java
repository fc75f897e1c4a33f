package dev.tokenservice.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.TokenValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Any {@code Authorization} header value yields a well-formed bearer token, no token (another scheme), or
 * {@code invalid_request}. Stored inputs: {@code BearerTokenParserFuzzTestInputs/parse/}, one header value each.
 */
class BearerTokenParserFuzzTest {

    @FuzzTest
    void parse(byte[] header) {
        String authorization = new String(header, StandardCharsets.UTF_8);
        Optional<TokenValue> token;
        try {
            token = BearerTokenParser.parse(Optional.of(authorization));
        } catch (OAuthException e) {
            assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
            return;
        }
        if (token.isPresent()) {
            assertThat(token.get().value()).hasSizeLessThanOrEqualTo(512).matches("[A-Za-z0-9\\-._~+/]+=*");
        }
    }
}
