package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The single-string identifier records: each refuses a blank or null value. */
class IdentifierTest {

    static Stream<Arguments> identifiers() {
        return Stream.of(
                Arguments.of("ClientId", (Function<String, Object>) ClientId::of),
                Arguments.of("Username", (Function<String, Object>) Username::of),
                Arguments.of("TokenId", (Function<String, Object>) TokenId::of),
                Arguments.of("FamilyId", (Function<String, Object>) FamilyId::of),
                Arguments.of("GrantType", (Function<String, Object>) GrantType::of),
                Arguments.of("Authority", (Function<String, Object>) Authority::of));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void ofWhenValueIsEmptyThenIllegalArgument(String type, Function<String, Object> factory) {
        String value = "";

        assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void ofWhenValueIsWhitespaceThenIllegalArgument(String type, Function<String, Object> factory) {
        String value = " \t ";

        assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void ofWhenValueIsNullThenNullPointer(String type, Function<String, Object> factory) {
        String value = null;

        assertThatNullPointerException().isThrownBy(() -> factory.apply(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void toStringWhenValueIsValidThenPrintsTheValue(String type, Function<String, Object> factory) {
        Object identifier = factory.apply("web.app");

        String text = identifier.toString();

        assertThat(text).isEqualTo("web.app");
    }

    @Test
    void ofWhenValueHasSurroundingSpacesThenKeptLiterally() {
        Username username = Username.of(" jane ");

        String value = username.value();

        assertThat(value).isEqualTo(" jane ");
    }

    @Test
    void grantTypeOfWhenWellKnownNameThenEqualsTheConstant() {
        GrantType parsed = GrantType.of("refresh_token");

        boolean same = parsed.equals(GrantType.REFRESH_TOKEN);

        assertThat(same).isTrue();
    }
}
