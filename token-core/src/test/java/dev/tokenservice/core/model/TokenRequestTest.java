package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

    private static TokenRequest request(Map<String, String> parameters) {
        return new TokenRequest(GrantType.PASSWORD, ClientAuthentication.none(ClientId.of("web.app")), parameters);
    }

    @Test
    void parameterWhenPresentThenValue() {
        TokenRequest request = request(Map.of(TokenRequest.USERNAME, "jane"));

        Optional<String> username = request.parameter(TokenRequest.USERNAME);

        assertThat(username).contains("jane");
    }

    @Test
    void parameterWhenAbsentThenEmpty() {
        TokenRequest request = request(Map.of());

        Optional<String> username = request.parameter(TokenRequest.USERNAME);

        assertThat(username).isEmpty();
    }

    @Test
    void parameterWhenEmptyThenEmpty() {
        TokenRequest request = request(Map.of(TokenRequest.SCOPE, ""));

        Optional<String> scope = request.parameter(TokenRequest.SCOPE);

        assertThat(scope).isEmpty();
    }

    @Test
    void parameterWhenOnlySpacesThenKeptAsAValue() {
        TokenRequest request = request(Map.of(TokenRequest.USERNAME, "  "));

        Optional<String> username = request.parameter(TokenRequest.USERNAME);

        assertThat(username).contains("  ");
    }

    @Test
    void parameterWhenValueHasSurroundingSpacesThenKeptLiterally() {
        TokenRequest request = request(Map.of(TokenRequest.PASSWORD, " pa ss "));

        Optional<String> password = request.parameter(TokenRequest.PASSWORD);

        assertThat(password).contains(" pa ss ");
    }

    @Test
    void parametersWhenSourceMapChangesLaterThenUnaffected() {
        Map<String, String> source = new HashMap<>(Map.of(TokenRequest.USERNAME, "jane"));
        TokenRequest request = request(source);

        source.put(TokenRequest.USERNAME, "john");

        assertThat(request.parameter(TokenRequest.USERNAME)).contains("jane");
    }
}
