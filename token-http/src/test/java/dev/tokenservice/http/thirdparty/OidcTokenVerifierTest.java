package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException.Reason;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OidcTokenVerifierTest {
    private static final RSAKey KEY_1 = TestKeys.named(TestKeys.RSA_A, "key-1");
    private static final RSAKey KEY_2 = TestKeys.named(TestKeys.RSA_B, "key-2");
    /** Another key pair under the published key's id. */
    private static final RSAKey STRANGER = TestKeys.named(TestKeys.RSA_C, "key-1");
    private static final ECKey EC_KEY = TestKeys.EC_A;
    private static final RSAKey[] STRANGER_WITH_ID = {
        TestKeys.named(TestKeys.RSA_C, "made-up-1"), TestKeys.named(TestKeys.RSA_C, "made-up-2")};
    private static final String SUBJECT = "248289761001";

    private final OidcProviderStub provider = new OidcProviderStub();
    private final MutableClock clock = MutableClock.start();
    private final ProviderHttpClient http = new ProviderHttpClient(Duration.ofSeconds(5));
    private final OidcProviderSettings settings = OidcProviderSettings.of("oidc:acme", provider.issuer(),
            provider.jwksUri(), Set.of(OidcProviderStub.CLIENT_ID, "our-other-app"), true);
    private OidcTokenVerifier verifier = new OidcTokenVerifier(settings, http, clock);

    OidcTokenVerifierTest() {
        provider.publish(KEY_1, EC_KEY);
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private JWTClaimsSet.Builder claims() {
        return provider.claims(SUBJECT, clock.instant());
    }

    private ThirdPartyIdentity verify(String token) {
        return verifier.verify(ThirdPartyToken.of(token));
    }

    private Reason failureOf(String token) {
        return failureOf(ThirdPartyToken.of(token));
    }

    private Reason failureOf(ThirdPartyToken token) {
        ThirdPartyTokenException thrown = catchThrowableOfType(ThirdPartyTokenException.class,
                () -> verifier.verify(token));
        assertThat(thrown).as("a ThirdPartyTokenException").isNotNull();
        assertThat(thrown.description()).doesNotContain(token.value());
        return thrown.reason();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verifyWhenValidRsaTokenThenIdentityWithVerifiedEmailAndName() {
        String token = OidcProviderStub.sign(KEY_1, claims().build());

        ThirdPartyIdentity identity = verify(token);

        assertThat(identity.provider()).isEqualTo("oidc:acme");
        assertThat(identity.subject().subject()).isEqualTo(SUBJECT);
        assertThat(identity.verifiedEmail()).isEqualTo(SUBJECT + "@example.com");
        assertThat(identity.displayName()).isEqualTo("User " + SUBJECT);
    }

    @Test
    void verifyWhenValidEcTokenThenIdentity() {
        String token = OidcProviderStub.sign(EC_KEY, claims().build());

        assertThat(verify(token).subject().subject()).isEqualTo(SUBJECT);
    }

    @Test
    void verifyWhenEmailNotVerifiedThenNoEmail() {
        String token = OidcProviderStub.sign(KEY_1, claims().claim("email_verified", false).build());

        assertThat(verify(token).verifiedEmail()).isNull();
    }

    @Test
    void verifyWhenEmailVerifiedSentAsStringThenEmailKept() {
        String token = OidcProviderStub.sign(KEY_1, claims().claim("email_verified", "true").build());

        assertThat(verify(token).verifiedEmail()).isNotNull();
    }

    @Test
    void verifyWhenTokensVerifiedTwiceThenKeysFetchedOnce() {
        verify(OidcProviderStub.sign(KEY_1, claims().build()));

        verify(OidcProviderStub.sign(EC_KEY, claims().build()));

        assertThat(provider.keyFetches()).isEqualTo(1);
    }

    @Test
    void verifyWhenExpiredBeyondSkewThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().build());
        clock.advance(Duration.ofHours(1).plus(OidcTokenVerifier.CLOCK_SKEW));

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenExpiredWithinSkewThenAccepted() {
        String token = OidcProviderStub.sign(KEY_1, claims().build());
        clock.advance(Duration.ofHours(1).plusSeconds(30));

        assertThat(verify(token).subject().subject()).isEqualTo(SUBJECT);
    }

    @Test
    void verifyWhenIssuedInTheFutureBeyondSkewThenRejected() {
        Instant later = clock.instant().plusSeconds(120);
        String token = OidcProviderStub.sign(KEY_1, claims().issueTime(Date.from(later)).build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenNotYetValidThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().notBeforeTime(Date.from(clock.instant().plusSeconds(600)))
                .build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenExpiryMissingThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().expirationTime(null).build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenAudienceIsAnotherAppThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().audience("someone-else").build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenAudienceIsOurSecondClientIdThenAccepted() {
        String token = OidcProviderStub.sign(KEY_1, claims().audience("our-other-app").build());

        assertThat(verify(token).subject().subject()).isEqualTo(SUBJECT);
    }

    @Test
    void verifyWhenSeveralAudiencesWithoutAuthorizedPartyThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims()
                .audience(List.of(OidcProviderStub.CLIENT_ID, "someone-else")).build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenSeveralAudiencesAndAuthorizedPartyOursThenAccepted() {
        String token = OidcProviderStub.sign(KEY_1, claims()
                .audience(List.of(OidcProviderStub.CLIENT_ID, "someone-else"))
                .claim("azp", OidcProviderStub.CLIENT_ID).build());

        assertThat(verify(token).subject().subject()).isEqualTo(SUBJECT);
    }

    @Test
    void verifyWhenAudienceHoldsNullThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().claim("aud", Arrays.asList(null, OidcProviderStub.CLIENT_ID))
                .claim("azp", OidcProviderStub.CLIENT_ID).build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenAuthorizedPartyIsAnotherAppThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().claim("azp", "someone-else").build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenIssuerDiffersThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().issuer("https://evil.example").build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenSubjectMissingThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().subject(null).build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenSignedByAnotherKeyUnderAPublishedKeyIdThenRejected() {
        String token = OidcProviderStub.sign(STRANGER, claims().build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenPayloadAlteredAfterSigningThenRejected() {
        String[] parts = OidcProviderStub.sign(KEY_1, claims().build()).split("\\.");
        String forged = parts[0] + "." + base64(claims().subject("admin").build().toString()) + "." + parts[2];

        assertThat(failureOf(forged)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenKeyIdUnknownThenRejected() {
        String token = OidcProviderStub.sign(TestKeys.named(TestKeys.RSA_B, "never-published"), claims().build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenAlgNoneThenRejected() {
        String token = base64("{\"alg\":\"none\"}") + "." + base64(claims().build().toString()) + ".";

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenHmacSignedWithThePublicKeyThenRejected() throws JOSEException {
        byte[] publicKey = KEY_1.toPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims().build());
        jwt.sign(new MACSigner(publicKey));

        assertThat(failureOf(jwt.serialize())).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenHmacSignedWithThePublishedJwkJsonThenRejected() throws JOSEException {
        byte[] publicJwk = KEY_1.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS512).keyID("key-1").build(), claims().build());
        jwt.sign(new MACSigner(publicJwk));

        assertThat(failureOf(jwt.serialize())).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenNotAJwtThenRejected() {
        assertThat(failureOf("ya29.not-a-jwt")).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenNonceExpectedAndCarriedThenAccepted() {
        String token = OidcProviderStub.sign(KEY_1, claims().claim("nonce", "n-0S6_WzA2Mj").build());

        ThirdPartyIdentity identity = verifier.verify(new ThirdPartyToken(token, "n-0S6_WzA2Mj"));

        assertThat(identity.subject().subject()).isEqualTo(SUBJECT);
    }

    @Test
    void verifyWhenNonceExpectedButDifferentThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().claim("nonce", "n-0S6_WzA2Mj").build());

        assertThat(failureOf(new ThirdPartyToken(token, "replayed"))).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenNonceExpectedButAbsentThenRejected() {
        String token = OidcProviderStub.sign(KEY_1, claims().build());

        assertThat(failureOf(new ThirdPartyToken(token, "n-0S6_WzA2Mj"))).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenProviderRequiresNonceAndRequestSendsNoneThenRejected() {
        verifier = new OidcTokenVerifier(settings.withRequireNonce(true), http, clock);
        String token = OidcProviderStub.sign(KEY_1, claims().claim("nonce", "n-0S6_WzA2Mj").build());

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenProviderRotatedItsKeysThenNewKeyFetchedAndAccepted() {
        verify(OidcProviderStub.sign(KEY_1, claims().build()));
        provider.publish(KEY_2);
        clock.advance(OidcProviderSettings.DEFAULT_MIN_REFRESH_INTERVAL);

        ThirdPartyIdentity identity = verify(OidcProviderStub.sign(KEY_2, provider.claims(SUBJECT, clock.instant()).build()));

        assertThat(identity.subject().subject()).isEqualTo(SUBJECT);
        assertThat(provider.keyFetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenRetiredKeyAfterRotationThenRejected() {
        verify(OidcProviderStub.sign(KEY_1, claims().build()));
        provider.publish(KEY_2);
        clock.advance(OidcProviderSettings.DEFAULT_KEY_MAX_AGE.plusSeconds(1));

        assertThat(failureOf(OidcProviderStub.sign(KEY_1, provider.claims(SUBJECT, clock.instant()).build())))
                .isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenManyUnknownKeyIdsWithinTheRefreshIntervalThenKeysFetchedOnceMore() {
        verify(OidcProviderStub.sign(KEY_1, claims().build()));
        clock.advance(OidcProviderSettings.DEFAULT_MIN_REFRESH_INTERVAL);

        for (int i = 0; i < 20; i++) {
            failureOf(OidcProviderStub.sign(STRANGER_WITH_ID[i % STRANGER_WITH_ID.length], claims().build()));
        }

        assertThat(provider.keyFetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenKeysOlderThanMaxAgeThenFetchedAgain() {
        verify(OidcProviderStub.sign(KEY_1, claims().build()));
        clock.advance(OidcProviderSettings.DEFAULT_KEY_MAX_AGE.plusSeconds(1));

        verify(OidcProviderStub.sign(KEY_1, provider.claims(SUBJECT, clock.instant()).build()));

        assertThat(provider.keyFetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenRefetchFailsThenKeysHeldKeepServing() {
        verify(OidcProviderStub.sign(KEY_1, claims().build()));
        provider.health(StubServer.Health.DOWN);
        clock.advance(OidcProviderSettings.DEFAULT_KEY_MAX_AGE.plusSeconds(1));

        ThirdPartyIdentity identity = verify(OidcProviderStub.sign(KEY_1, provider.claims(SUBJECT, clock.instant()).build()));

        assertThat(identity.subject().subject()).isEqualTo(SUBJECT);
        assertThat(provider.requests()).isEqualTo(2);
    }

    @Test
    void verifyWhenProviderDownAndNoKeysHeldThenUnavailable() {
        provider.health(StubServer.Health.DOWN);

        assertThat(failureOf(OidcProviderStub.sign(KEY_1, claims().build()))).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void verifyWhenProviderWasDownThenRetriedAfterTheFirstRetryDelayNotTheRefreshInterval() {
        provider.health(StubServer.Health.DOWN);
        String token = OidcProviderStub.sign(KEY_1, claims().build());
        failureOf(token);

        Reason again = failureOf(token);
        provider.health(StubServer.Health.UP);
        clock.advance(JwksCache.FIRST_RETRY);
        ThirdPartyIdentity identity = verify(token);

        assertThat(again).isEqualTo(Reason.UNAVAILABLE);
        assertThat(identity.subject().subject()).isEqualTo(SUBJECT);
        assertThat(provider.requests()).isEqualTo(2);
    }

    @Test
    void verifyWhenProviderHangsThenUnavailableAfterTheTimeout() {
        provider.health(StubServer.Health.HANGING);
        verifier = new OidcTokenVerifier(settings, new ProviderHttpClient(Duration.ofMillis(300)), clock);

        assertThat(failureOf(OidcProviderStub.sign(KEY_1, claims().build()))).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void verifyWhenKeySetUnreadableThenUnavailable() {
        provider.publishRaw("<html>maintenance</html>");

        assertThat(failureOf(OidcProviderStub.sign(KEY_1, claims().build()))).isEqualTo(Reason.UNAVAILABLE);
    }
}
