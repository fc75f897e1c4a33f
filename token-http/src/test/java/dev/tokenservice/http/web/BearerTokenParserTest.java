package dev.tokenservice.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.TokenValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenParserTest {

    @Test
    void parseWhenBearerThenToken() {
        assertThat(BearerTokenParser.parse(Optional.of("Bearer abc-DEF_123.~+/=")))
                .contains(TokenValue.of("abc-DEF_123.~+/="));
    }

    @Test
    void parseWhenSchemeLowerCaseThenToken() {
        assertThat(BearerTokenParser.parse(Optional.of("bearer abc"))).contains(TokenValue.of("abc"));
    }

    @Test
    void parseWhenNoHeaderOrOtherSchemeThenEmpty() {
        assertThat(BearerTokenParser.parse(Optional.empty())).isEmpty();
        assertThat(BearerTokenParser.parse(Optional.of("Basic YTpi"))).isEmpty();
    }

    @Test
    void parseWhenTokenHasForbiddenCharactersThenInvalidRequest() {
        assertThatThrownBy(() -> BearerTokenParser.parse(Optional.of("Bearer a b"))).isInstanceOf(OAuthException.class);
        assertThatThrownBy(() -> BearerTokenParser.parse(Optional.of("Bearer  "))).isInstanceOf(OAuthException.class);
    }
}
