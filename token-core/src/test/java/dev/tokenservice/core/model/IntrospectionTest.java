package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntrospectionTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void constructorWhenActiveWithoutClientThenNullPointer() {
        ClientId clientId = null;

        assertThatNullPointerException().isThrownBy(() -> new Introspection(true, TokenTypeHint.ACCESS_TOKEN,
                clientId, null, Scope.EMPTY, NOW, NOW.plusSeconds(1)));
    }

    @Test
    void inactiveWhenReadThenSaysNothingElse() {
        Introspection inactive = Introspection.INACTIVE;

        boolean active = inactive.active();

        assertThat(active).isFalse();
        assertThat(inactive).hasAllNullFieldsOrPropertiesExcept("active");
    }

    @Test
    void ofWhenRefreshTokenThenActiveWithRefreshTokenType() {
        RefreshToken token = new RefreshToken(TokenId.of("r1"), TokenDigest.of(TokenValue.of("v")),
                ClientId.of("web.app"), Username.of("jane"), Scope.parse("read"), NOW, NOW.plusSeconds(60),
                FamilyId.of("f1"), false);

        Introspection introspection = Introspection.of(token);

        assertThat(introspection.active()).isTrue();
        assertThat(introspection.tokenType()).isEqualTo(TokenTypeHint.REFRESH_TOKEN);
        assertThat(introspection.username()).isEqualTo(Username.of("jane"));
    }
}
