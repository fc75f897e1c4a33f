package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenPairTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static AccessToken access(FamilyId family) {
        return new AccessToken(TokenId.of("a1"), TokenDigest.of(TokenValue.of("access")), null, ClientId.of("web.app"),
                Username.of("jane"), Scope.parse("read"), NOW, NOW.plusSeconds(3600), family);
    }

    private static RefreshToken refresh(FamilyId family) {
        return new RefreshToken(TokenId.of("r1"), TokenDigest.of(TokenValue.of("refresh")), ClientId.of("web.app"),
                Username.of("jane"), Scope.parse("read"), NOW, NOW.plusSeconds(86_400), family, false);
    }

    @Test
    void constructorWhenRefreshOfAnotherFamilyThenIllegalArgument() {
        AccessToken access = access(FamilyId.of("f1"));
        RefreshToken refresh = refresh(FamilyId.of("f2"));

        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPair(access, refresh));
    }

    @Test
    void constructorWhenAccessHasNoFamilyButRefreshHasOneThenIllegalArgument() {
        AccessToken access = access(null);
        RefreshToken refresh = refresh(FamilyId.of("f1"));

        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPair(access, refresh));
    }

    @Test
    void constructorWhenSameFamilyThenHoldsBoth() {
        AccessToken access = access(FamilyId.of("f1"));
        RefreshToken refresh = refresh(FamilyId.of("f1"));

        TokenPair pair = new TokenPair(access, refresh);

        assertThat(pair.refresh()).isEqualTo(refresh);
    }

    @Test
    void accessOnlyWhenCalledThenNoRefreshToken() {
        AccessToken access = access(null);

        TokenPair pair = TokenPair.accessOnly(access);

        assertThat(pair.refresh()).isNull();
    }
}
