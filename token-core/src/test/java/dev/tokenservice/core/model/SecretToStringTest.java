package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every record that holds a secret prints without it, so logging a record can never leak one. */
class SecretToStringTest {
    private static final String SECRET = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static TokenSummary summary() {
        return new TokenSummary(TokenId.of("t1"), ClientId.of("web.app"), Username.of("jane"), Scope.parse("read"),
                NOW, NOW.plusSeconds(3600));
    }

    @Test
    void toStringWhenTokenValueThenValueHidden() {
        TokenValue value = TokenValue.of(SECRET);

        String text = value.toString();

        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenClientSecretThenValueHidden() {
        ClientSecret secret = ClientSecret.of(SECRET);

        String text = secret.toString();

        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenPasswordThenValueHidden() {
        Password password = Password.of(SECRET);

        String text = password.toString();

        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenSealedTokenThenValueHidden() {
        SealedToken sealed = new SealedToken("v1." + SECRET);

        String text = sealed.toString();

        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenThirdPartyTokenThenValueAndNonceHidden() {
        ThirdPartyToken token = new ThirdPartyToken(SECRET, "nonce-" + SECRET);

        String text = token.toString();

        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenSecretHashThenOnlySchemePrinted() {
        SecretHash hash = SecretHash.of("$pbkdf2-sha256$i=1000,l=32$" + SECRET + "$" + SECRET);

        String text = hash.toString();

        assertThat(text).doesNotContain(SECRET).contains("pbkdf2-sha256");
    }

    @Test
    void toStringWhenTokenDigestThenFullDigestNotPrinted() {
        TokenDigest digest = TokenDigest.of(TokenValue.of(SECRET));

        String text = digest.toString();

        assertThat(text).doesNotContain(digest.value()).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenTokenRequestThenParameterValuesHidden() {
        TokenRequest request = new TokenRequest(GrantType.PASSWORD,
                ClientAuthentication.post(ClientId.of("web.app"), ClientSecret.of(SECRET + "1")),
                Map.of(TokenRequest.USERNAME, "jane", TokenRequest.PASSWORD, SECRET + "2",
                        TokenRequest.REFRESH_TOKEN, SECRET + "3"));

        String text = request.toString();

        assertThat(text).doesNotContain(SECRET).contains("password");
    }

    @Test
    void toStringWhenTokenResponseThenTokenValuesHidden() {
        TokenResponse response = new TokenResponse(TokenValue.of(SECRET + "a"), Duration.ofHours(1),
                Scope.parse("read"), TokenValue.of(SECRET + "r"));

        String text = response.toString();

        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenTokenDetailsWithValueThenValueHidden() {
        TokenDetails details = new TokenDetails(summary(), TokenValue.of(SECRET));

        String text = details.toString();

        assertThat(text).doesNotContain(SECRET).contains("t1");
    }

    @Test
    void toStringWhenClientAuthenticationThenSecretHidden() {
        ClientAuthentication authentication = ClientAuthentication.basic(ClientId.of("web.app"), ClientSecret.of(SECRET));

        String text = authentication.toString();

        assertThat(text).doesNotContain(SECRET).contains("web.app");
    }

    @Test
    void toStringWhenUserAccountThenPasswordHashHidden() {
        UserAccount account = new UserAccount(Username.of("jane"), SecretHash.of("$sha256$" + SECRET), Set.of());

        String text = account.toString();

        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void toStringWhenAccessTokenThenSealedValueAndDigestHidden() {
        TokenDigest digest = TokenDigest.of(TokenValue.of("access"));
        AccessToken token = new AccessToken(TokenId.of("t1"), digest, new SealedToken("v1." + SECRET),
                ClientId.of("web.app"), null, Scope.EMPTY, NOW, NOW.plusSeconds(60), null);

        String text = token.toString();

        assertThat(text).doesNotContain(SECRET).doesNotContain(digest.value());
    }
}
