package dev.tokenservice.core.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GrantTest {

    @Test
    void rotationWhenRefreshTokenGivenThenRefreshGrantForItsUser() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        RefreshToken token = new RefreshToken(TokenId.of("r1"), TokenDigest.of(TokenValue.of("v")),
                ClientId.of("web.app"), Username.of("jane"), Scope.parse("read write"), now, now.plusSeconds(60),
                FamilyId.of("f1"), false);

        Grant grant = Grant.rotation(token, Scope.parse("read"));

        assertThat(grant.grantType()).isEqualTo(GrantType.REFRESH_TOKEN);
        assertThat(grant.username()).isEqualTo(Username.of("jane"));
        assertThat(grant.rotated()).isEqualTo(token);
    }

    @Test
    void forUserWhenNoUsernameThenNullPointer() {
        Username username = null;

        assertThatNullPointerException().isThrownBy(() -> Grant.forUser(GrantType.PASSWORD, username, Scope.EMPTY));
    }

    @Test
    void forClientWhenCalledThenNoUserAndNoRotatedToken() {
        GrantType grantType = GrantType.CLIENT_CREDENTIALS;

        Grant grant = Grant.forClient(grantType, Scope.EMPTY);

        assertThat(grant.username()).isNull();
        assertThat(grant.rotated()).isNull();
    }
}
