package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @Test
    void parseWhenSingleSpaceSeparatedThenHoldsEachToken() {
        String text = "read write admin";

        Scope scope = Scope.parse(text);

        assertThat(scope.tokens()).containsExactlyInAnyOrder("read", "write", "admin");
    }

    @Test
    void parseWhenEmptyThenEmptyScope() {
        String text = "";

        Scope scope = Scope.parse(text);

        assertThat(scope).isEqualTo(Scope.EMPTY);
    }

    @Test
    void parseWhenOnlySpacesThenEmptyScope() {
        String text = "   ";

        Scope scope = Scope.parse(text);

        assertThat(scope.isEmpty()).isTrue();
    }

    @Test
    void parseWhenTokenRepeatedThenHeldOnce() {
        String text = "read read";

        Scope scope = Scope.parse(text);

        assertThat(scope.tokens()).containsExactly("read");
    }

    @Test
    void parseWhenAllPrintableAsciiButQuoteAndBackslashThenAccepted() {
        // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
        StringBuilder token = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            if (c != '"' && c != '\\') {
                token.append(c);
            }
        }

        Scope scope = Scope.parse(token.toString());

        assertThat(scope.tokens()).containsExactly(token.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "read \"write\"",   // %x22
        "read\\write",      // %x5C
        "read\twrite",      // control character used as a separator
        "read\u0000",       // NUL
        "read\u007F",       // DEL
        "r\u00E9ad",        // non-ASCII letter
        "read\u00A0write",  // non-breaking space
        "read  write",      // two spaces
        " read",            // leading space
        "read ",            // trailing space
        "read\nwrite"       // line feed
    })
    void parseWhenSyntaxViolatesRfc6749ThenIllegalArgument(String text) {
        String input = text;

        assertThatIllegalArgumentException().isThrownBy(() -> Scope.parse(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"read \"write\"", "read  write", " read", "read\twrite", "r\u00E9ad"})
    void isValidWhenSyntaxViolatesRfc6749ThenFalse(String text) {
        String input = text;

        boolean valid = Scope.isValid(input);

        assertThat(valid).isFalse();
    }

    @Test
    void isValidWhenWellFormedThenTrue() {
        String text = "tokens:read profile";

        boolean valid = Scope.isValid(text);

        assertThat(valid).isTrue();
    }

    @Test
    void constructorWhenTokenIsEmptyThenIllegalArgument() {
        Set<String> tokens = Set.of("");

        assertThatIllegalArgumentException().isThrownBy(() -> new Scope(tokens));
    }

    @Test
    void ofWhenTokenContainsSpaceThenIllegalArgument() {
        String token = "read write";

        assertThatIllegalArgumentException().isThrownBy(() -> Scope.of(token));
    }

    @Test
    void toStringWhenTokensGivenInAnyOrderThenSortedAndSpaceSeparated() {
        Scope scope = Scope.parse("write admin read");

        String text = scope.toString();

        assertThat(text).isEqualTo("admin read write");
    }

    @Test
    void toStringWhenEmptyThenEmptyString() {
        Scope scope = Scope.EMPTY;

        String text = scope.toString();

        assertThat(text).isEmpty();
    }

    @Test
    void equalsWhenSameTokensInAnotherOrderThenEqual() {
        Scope first = Scope.parse("read write");

        Scope second = Scope.parse("write read");

        assertThat(first).isEqualTo(second);
    }

    @Test
    void containsAllWhenOtherIsSubsetThenTrue() {
        Scope allowed = Scope.parse("read write admin");

        boolean contains = allowed.containsAll(Scope.parse("read admin"));

        assertThat(contains).isTrue();
    }

    @Test
    void containsAllWhenOtherHasExtraTokenThenFalse() {
        Scope allowed = Scope.parse("read write");

        boolean contains = allowed.containsAll(Scope.parse("read delete"));

        assertThat(contains).isFalse();
    }

    @Test
    void containsAllWhenOtherIsEmptyThenTrue() {
        Scope allowed = Scope.EMPTY;

        boolean contains = allowed.containsAll(Scope.EMPTY);

        assertThat(contains).isTrue();
    }

    @Test
    void tokensWhenBuiltFromMutableSetThenUnaffectedByLaterChanges() {
        Set<String> source = new java.util.HashSet<>(Set.of("read"));
        Scope scope = Scope.of(source);

        source.add("write");

        assertThat(scope.tokens()).containsExactly("read");
    }
}
