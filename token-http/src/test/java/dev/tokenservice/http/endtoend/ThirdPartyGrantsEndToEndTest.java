package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import dev.tokenservice.http.thirdparty.FacebookGraphStub;
import dev.tokenservice.http.thirdparty.OidcProviderSettings;
import dev.tokenservice.http.thirdparty.OidcProviderStub;
import dev.tokenservice.http.thirdparty.StubServer;
import dev.tokenservice.http.thirdparty.TestKeys;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The third-party grants over a real socket, against providers on loopback: a Google-style OpenID Connect
 * provider, Facebook's Graph API, a provider whose keys rotate, one that is down and one that hangs.
 */
class ThirdPartyGrantsEndToEndTest {
    private static final RSAKey GOOGLE_KEY = TestKeys.named(TestKeys.RSA_A, "google-1");
    /** Another key pair under Google's key id. */
    private static final RSAKey STRANGER_KEY = TestKeys.named(TestKeys.RSA_C, "google-1");
    private static final RSAKey ROTATING_OLD = TestKeys.named(TestKeys.RSA_B, "old");
    private static final RSAKey ROTATING_NEW = TestKeys.named(TestKeys.RSA_C, "new");

    private static final OidcProviderStub GOOGLE = new OidcProviderStub();
    private static final FacebookGraphStub FACEBOOK = new FacebookGraphStub();
    private static final OidcProviderStub ACME = new OidcProviderStub();
    private static final OidcProviderStub ROTATING = new OidcProviderStub();
    private static final OidcProviderStub DOWN = new OidcProviderStub();
    private static final OidcProviderStub SLOW = new OidcProviderStub();

    private static final String MOBILE = "mobile.app";
    private static final String NO_REFRESH = "kiosk.app";
    private static final String WEB = "web.app";
    private static final Set<String> AUDIENCE = Set.of(OidcProviderStub.CLIENT_ID);

    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(config -> config.withThirdPartyProviders(
            ThirdPartyProviders.NONE.withTimeout(Duration.ofSeconds(1))
                    .with(OidcProviderSettings.google(AUDIENCE, true)
                            .withIssuers(Set.of(GOOGLE.issuer())).withJwksUri(GOOGLE.jwksUri()))
                    .with(FACEBOOK.settings(true))
                    .with(OidcProviderSettings.of("oidc:acme", ACME.issuer(), ACME.jwksUri(), AUDIENCE, false))
                    .with(OidcProviderSettings.of("oidc:rotating", ROTATING.issuer(), ROTATING.jwksUri(), AUDIENCE, true)
                            .withMinRefreshInterval(Duration.ZERO))
                    .with(OidcProviderSettings.of("oidc:down", DOWN.issuer(), DOWN.jwksUri(), AUDIENCE, true))
                    .with(OidcProviderSettings.of("oidc:slow", SLOW.issuer(), SLOW.jwksUri(), AUDIENCE, true))));

    private static WireClient client;

    @BeforeAll
    static void register() {
        GOOGLE.publish(GOOGLE_KEY);
        ACME.publish(GOOGLE_KEY);
        ROTATING.publish(ROTATING_OLD);
        DOWN.health(StubServer.Health.DOWN);
        SLOW.health(StubServer.Health.HANGING);
        client = new WireClient(server.baseUri());
        GrantType[] thirdParty = Stream.of("google", "facebook", "oidc:acme", "oidc:rotating", "oidc:down", "oidc:slow",
                "twitter", "oidc:unknown").map(GrantType::of).toArray(GrantType[]::new);
        server.registerClient(MOBILE, null, Scope.of("read", "write"),
                Stream.concat(Stream.of(thirdParty), Stream.of(GrantType.REFRESH_TOKEN)).toArray(GrantType[]::new));
        server.registerClient(NO_REFRESH, null, Scope.of("read"), GrantType.of("google"));
        server.registerClient(WEB, null, Scope.of("read"), GrantType.PASSWORD);
    }

    @AfterAll
    static void stopProviders() {
        Stream.of(GOOGLE, FACEBOOK, ACME, ROTATING, DOWN, SLOW).forEach(StubServer::close);
    }

    private static Reply token(String... namesAndValues) {
        return client.postForm("/oauth/token", form(namesAndValues));
    }

    private static Reply thirdPartyGrant(String grantType, String thirdPartyToken) {
        return token("grant_type", grantType, "client_id", MOBILE, "token", thirdPartyToken);
    }

    private static String googleToken(String subject) {
        return OidcProviderStub.sign(GOOGLE_KEY, GOOGLE.claims(subject, Instant.now()).build());
    }

    private static void assertError(Reply reply, int status, String error) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void googleWhenValidIdTokenThenOurTokensAndALinkedUserWithoutPassword() {
        Reply reply = thirdPartyGrant("google", googleToken("1001"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).toIterable()
                .containsExactly("access_token", "token_type", "expires_in", "scope", "refresh_token");
        assertThat(reply.json().get("scope").asText()).isEqualTo("read write");
        assertThat(server.findUser("google:1001")).hasValueSatisfying(user -> assertThat(user.hasPassword()).isFalse());
        assertThat(server.accountLinks("google:1001")).singleElement()
                .satisfies(link -> assertThat(link.thirdPartySubject().provider()).isEqualTo("google"));
    }

    @Test
    void googleWhenSignedInAgainThenSameUserAndTheRefreshTokenWorks() {
        thirdPartyGrant("google", googleToken("1002"));
        Reply again = thirdPartyGrant("google", googleToken("1002"));

        Reply refreshed = token("grant_type", "refresh_token", "client_id", MOBILE, "refresh_token",
                again.json().get("refresh_token").asText());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(server.accountLinks("google:1002")).hasSize(1);
    }

    @Test
    void googleWhenClientMayNotRefreshThenNoRefreshToken() {
        Reply reply = token("grant_type", "google", "client_id", NO_REFRESH, "token", googleToken("1003"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("refresh_token")).isFalse();
    }

    @Test
    void googleWhenNonceSentAndCarriedThenIssued() {
        String idToken = OidcProviderStub.sign(GOOGLE_KEY, GOOGLE.claims("1004", Instant.now())
                .claim("nonce", "n-0S6_WzA2Mj").build());

        Reply reply = token("grant_type", "google", "client_id", MOBILE, "token", idToken, "nonce", "n-0S6_WzA2Mj");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void facebookWhenValidUserTokenThenOurTokensAndALinkedUser() {
        String userToken = FACEBOOK.issue(FacebookGraphStub.APP_ID, "2001", Instant.now().plusSeconds(3600),
                "Jane Doe", "jane@example.com");

        Reply reply = thirdPartyGrant("facebook", userToken);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("refresh_token")).isTrue();
        assertThat(server.findUser("facebook:2001")).isPresent();
        assertThat(server.accountLinks("facebook:2001")).hasSize(1);
    }

    @Test
    void facebookWhenTokenOfAnotherAppThenInvalidGrantAndNoUser() {
        String userToken = FACEBOOK.issue(FacebookGraphStub.OTHER_APP_ID, "2002", Instant.now().plusSeconds(3600),
                "Mallory", null);

        assertError(thirdPartyGrant("facebook", userToken), 400, "invalid_grant");
        assertThat(server.findUser("facebook:2002")).isEmpty();
    }

    @Test
    void facebookWhenTokenExpiredThenInvalidGrantAndNoUser() {
        String userToken = FACEBOOK.issue(FacebookGraphStub.APP_ID, "2003", Instant.now().minusSeconds(1),
                "Jane", null);

        assertError(thirdPartyGrant("facebook", userToken), 400, "invalid_grant");
        assertThat(server.findUser("facebook:2003")).isEmpty();
    }

    static Stream<Arguments> forgedGoogleTokens() {
        Function<String, JWTClaimsSet.Builder> claims = subject -> GOOGLE.claims(subject, Instant.now());
        return Stream.of(
                Arguments.of("expired", (Function<String, String>) subject -> OidcProviderStub.sign(GOOGLE_KEY,
                        claims.apply(subject).issueTime(Date.from(Instant.now().minusSeconds(7200)))
                                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build())),
                Arguments.of("wrong audience", (Function<String, String>) subject -> OidcProviderStub.sign(GOOGLE_KEY,
                        claims.apply(subject).audience("another-app.apps.example.test").build())),
                Arguments.of("wrong issuer", (Function<String, String>) subject -> OidcProviderStub.sign(GOOGLE_KEY,
                        claims.apply(subject).issuer("https://accounts.evil.example").build())),
                Arguments.of("bad signature", (Function<String, String>) subject -> OidcProviderStub.sign(STRANGER_KEY,
                        claims.apply(subject).build())),
                Arguments.of("unknown kid", (Function<String, String>) subject -> OidcProviderStub.sign(
                        new RSAKey.Builder(STRANGER_KEY).keyID("unknown").build(), claims.apply(subject).build())),
                Arguments.of("alg none", (Function<String, String>) subject -> base64("{\"alg\":\"none\"}") + "."
                        + base64(claims.apply(subject).build().toString()) + "."),
                Arguments.of("HMAC with the public key", (Function<String, String>) subject -> hmacWithPublicKey(
                        claims.apply(subject).build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedGoogleTokens")
    void googleWhenTokenForgedThenInvalidGrantAndNoUser(String forgery, Function<String, String> mint) {
        String subject = "forged-" + forgery.replace(' ', '-');

        Reply reply = thirdPartyGrant("google", mint.apply(subject));

        assertError(reply, 400, "invalid_grant");
        assertThat(server.findUser("google:" + subject)).isEmpty();
        assertThat(server.accountLinks("google:" + subject)).isEmpty();
    }

    @Test
    void openIdProviderWhenKeysRotatedThenTokensOfTheNewKeyAccepted() {
        Reply before = thirdPartyGrant("oidc:rotating", OidcProviderStub.sign(ROTATING_OLD,
                ROTATING.claims("3001", Instant.now()).build()));
        ROTATING.publish(ROTATING_NEW);

        Reply after = thirdPartyGrant("oidc:rotating", OidcProviderStub.sign(ROTATING_NEW,
                ROTATING.claims("3001", Instant.now()).build()));

        assertThat(before.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(200);
        assertThat(ROTATING.keyFetches()).isEqualTo(2);
        assertThat(server.accountLinks("oidc:rotating:3001")).hasSize(1);
    }

    @Test
    void openIdProviderWhenFirstSignInAndUsersNotCreatedThenInvalidGrantAndNoUser() {
        Reply reply = thirdPartyGrant("oidc:acme", OidcProviderStub.sign(GOOGLE_KEY, ACME.claims("4001", Instant.now()).build()));

        assertError(reply, 400, "invalid_grant");
        assertThat(server.findUser("oidc:acme:4001")).isEmpty();
    }

    @Test
    void openIdProviderWhenDownThenTemporarilyUnavailableAndNoUser() {
        Reply reply = thirdPartyGrant("oidc:down", OidcProviderStub.sign(GOOGLE_KEY, DOWN.claims("5001", Instant.now()).build()));

        assertError(reply, 503, "temporarily_unavailable");
        assertThat(server.findUser("oidc:down:5001")).isEmpty();
    }

    @Test
    void openIdProviderWhenSlowThenTemporarilyUnavailableAfterTheTimeoutAndNoUser() {
        Reply reply = thirdPartyGrant("oidc:slow", OidcProviderStub.sign(GOOGLE_KEY, SLOW.claims("6001", Instant.now()).build()));

        assertError(reply, 503, "temporarily_unavailable");
        assertThat(server.findUser("oidc:slow:6001")).isEmpty();
    }

    @Test
    void facebookWhenGraphDownThenTemporarilyUnavailableAndNoUser() {
        String userToken = FACEBOOK.issue(FacebookGraphStub.APP_ID, "2004", Instant.now().plusSeconds(3600), "J", null);
        FACEBOOK.health(StubServer.Health.DOWN);
        Reply reply;
        try {
            reply = thirdPartyGrant("facebook", userToken);
        } finally {
            FACEBOOK.health(StubServer.Health.UP);
        }

        assertError(reply, 503, "temporarily_unavailable");
        assertThat(server.findUser("facebook:2004")).isEmpty();
    }

    @Test
    void thirdPartyGrantWhenNameUnknownThenUnsupportedGrantType() {
        assertError(thirdPartyGrant("twitter", "whatever"), 400, "unsupported_grant_type");
        assertError(thirdPartyGrant("oidc:unknown", "whatever"), 400, "unsupported_grant_type");
    }

    @Test
    void thirdPartyGrantWhenTokenMissingThenInvalidRequest() {
        assertError(token("grant_type", "google", "client_id", MOBILE), 400, "invalid_request");
    }

    @Test
    void thirdPartyGrantWhenClientNotAllowedItThenUnauthorizedClient() {
        assertError(token("grant_type", "google", "client_id", WEB, "token", googleToken("1005")), 400,
                "unauthorized_client");
        assertThat(server.findUser("google:1005")).isEmpty();
    }

    @Test
    void passwordGrantWhenUserWasCreatedByThirdPartySignInThenInvalidGrant() {
        thirdPartyGrant("google", googleToken("1006"));

        Reply reply = token("grant_type", "password", "client_id", WEB, "username", "google:1006", "password", "$none$");

        assertError(reply, 400, "invalid_grant");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacWithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(GOOGLE_KEY.getKeyID()).build(),
                    claims);
            jwt.sign(new MACSigner(GOOGLE_KEY.toPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
