package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTypeHintTest {

    @Test
    void parseWhenAccessTokenThenAccessTokenHint() {
        String wireName = "access_token";

        Optional<TokenTypeHint> hint = TokenTypeHint.parse(wireName);

        assertThat(hint).contains(TokenTypeHint.ACCESS_TOKEN);
    }

    @Test
    void parseWhenRefreshTokenThenRefreshTokenHint() {
        String wireName = "refresh_token";

        Optional<TokenTypeHint> hint = TokenTypeHint.parse(wireName);

        assertThat(hint).contains(TokenTypeHint.REFRESH_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "id_token", "ACCESS_TOKEN", "accessToken"})
    void parseWhenUnknownHintThenEmpty(String wireName) {
        String input = wireName;

        Optional<TokenTypeHint> hint = TokenTypeHint.parse(input);

        assertThat(hint).isEmpty();
    }

    @Test
    void parseWhenAbsentThenEmpty() {
        String wireName = null;

        Optional<TokenTypeHint> hint = TokenTypeHint.parse(wireName);

        assertThat(hint).isEmpty();
    }
}
