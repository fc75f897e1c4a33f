package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSortPropertyTest {

    @ParameterizedTest
    @CsvSource({
        "client_id, CLIENT_ID",
        "clientId, CLIENT_ID",
        "username, USERNAME",
        "issued_at, ISSUED_AT",
        "issuedAt, ISSUED_AT",
        "expires_at, EXPIRES_AT",
        "expiresAt, EXPIRES_AT",
        "token_id, TOKEN_ID",
        "tokenId, TOKEN_ID",
        "CLIENT_ID, CLIENT_ID"
    })
    void parseWhenSnakeOrCamelCaseNameThenProperty(String name, TokenSortProperty expected) {
        String input = name;

        Optional<TokenSortProperty> property = TokenSortProperty.parse(input);

        assertThat(property).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "token", "digest", "sealed", "client id", "issued_at;drop table tokens", "password"})
    void parseWhenUnknownNameThenEmpty(String name) {
        String input = name;

        Optional<TokenSortProperty> property = TokenSortProperty.parse(input);

        assertThat(property).isEmpty();
    }

    @Test
    void wireNameWhenEveryPropertyThenParsesBackToItself() {
        TokenSortProperty[] properties = TokenSortProperty.values();

        for (TokenSortProperty property : properties) {
            assertThat(TokenSortProperty.parse(property.wireName())).contains(property);
        }
    }
}
