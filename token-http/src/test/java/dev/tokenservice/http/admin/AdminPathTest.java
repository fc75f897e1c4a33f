package dev.tokenservice.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthException;
import org.junit.jupiter.api.Test;

class AdminPathTest {

    @Test
    void parseWhenCollectionThenNoSegments() {
        assertThat(AdminPath.parse("/auth/tokens")).hasValueSatisfying(path -> assertThat(path.segments()).isEmpty());
    }

    @Test
    void parseWhenEncodedSlashAndAtThenSplitsBeforeDecoding() {
        assertThat(AdminPath.parse("/auth/tokens/a%2Fb%40example.com/web%20app+1"))
                .hasValueSatisfying(path -> assertThat(path.segments()).containsExactly("a/b@example.com", "web app+1"));
    }

    @Test
    void parseWhenOneSegmentThenUsername() {
        assertThat(AdminPath.parse("/auth/tokens/jane")).hasValueSatisfying(
                path -> assertThat(path.segments()).containsExactly("jane"));
    }

    @Test
    void parseWhenThreeSegmentsThenEmpty() {
        assertThat(AdminPath.parse("/auth/tokens/a/b/c")).isEmpty();
    }

    @Test
    void parseWhenEmptySegmentThenEmpty() {
        assertThat(AdminPath.parse("/auth/tokens/")).isEmpty();
        assertThat(AdminPath.parse("/auth/tokens//web")).isEmpty();
    }

    @Test
    void parseWhenOtherPrefixThenEmpty() {
        assertThat(AdminPath.parse("/auth/tokensx")).isEmpty();
    }

    @Test
    void parseWhenBadEscapeThenInvalidRequest() {
        assertThatThrownBy(() -> AdminPath.parse("/auth/tokens/%E0%80/web")).isInstanceOf(OAuthException.class);
    }
}
