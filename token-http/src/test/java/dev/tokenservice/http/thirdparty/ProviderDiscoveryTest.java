package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.core.port.ThirdPartyTokenException.Reason;
import dev.tokenservice.testkit.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider known by its issuer alone, over HTTP against a stub provider: its JWK set URL and algorithms come from its
 * discovery document, which must name the configured issuer, and which is read again when it is old or the keys fail,
 * the configuration read before serving while the document cannot be read.
 */
class ProviderDiscoveryTest {
    private static final RSAKey KEY_1 = TestKeys.named(TestKeys.RSA_A, "key-1");
    private static final RSAKey KEY_2 = TestKeys.named(TestKeys.RSA_B, "key-2");
    private static final ECKey EC_KEY = TestKeys.EC_A;
    private static final String SUBJECT = "248289761001";

    private final OidcProviderStub provider = new OidcProviderStub();
    private final MutableClock clock = MutableClock.start();
    private final ProviderHttpClient http = new ProviderHttpClient(Duration.ofSeconds(5));
    private final OidcProviderSettings settings = OidcProviderSettings.discovered("oidc:acme", provider.issuer(),
            Set.of(OidcProviderStub.CLIENT_ID), true);
    private final OidcTokenVerifier verifier = new OidcTokenVerifier(settings, http, clock);

    ProviderDiscoveryTest() {
        provider.publish(KEY_1, EC_KEY);
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private String token(JWK key) {
        return OidcProviderStub.sign(key, provider.claims(SUBJECT, clock.instant()).build());
    }

    private ThirdPartyIdentity verify(String token) {
        return verifier.verify(ThirdPartyToken.of(token));
    }

    private ThirdPartyTokenException failure(String token) {
        ThirdPartyTokenException thrown = catchThrowableOfType(ThirdPartyTokenException.class, () -> verify(token));
        assertThat(thrown).as("a ThirdPartyTokenException").isNotNull();
        return thrown;
    }

    @Test
    void verifyWhenOnlyTheIssuerConfiguredThenKeysFoundThroughTheDiscoveryDocumentReadOnce() {
        ThirdPartyIdentity first = verify(token(KEY_1));
        verify(token(EC_KEY));

        assertThat(first.subject().subject()).isEqualTo(SUBJECT);
        assertThat(provider.discoveryFetches()).isEqualTo(1);
        assertThat(provider.keyFetches()).isEqualTo(1);
    }

    @Test
    void verifyWhenDiscoveryDocumentNamesAnotherIssuerThenUnavailableAndItsKeysNeverFetched() {
        provider.serveDiscovery(OidcProviderStub.discoveryDocument("https://login.evil.example",
                provider.jwksUri().toString(), "RS256"));

        ThirdPartyTokenException thrown = failure(token(KEY_1));

        assertThat(thrown.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(thrown.description()).contains("another issuer");
        assertThat(provider.keyFetches()).isZero();
    }

    @Test
    void verifyWhenDiscoveryDocumentNamesIssuerWithATrailingSlashThenRefused() {
        provider.serveDiscovery(OidcProviderStub.discoveryDocument(provider.issuer() + "/",
                provider.jwksUri().toString(), "RS256"));

        assertThat(failure(token(KEY_1)).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void verifyWhenDiscoveryDocumentNamesKeysOverPlainHttpToARemoteHostThenUnavailable() {
        provider.serveDiscovery(OidcProviderStub.discoveryDocument(provider.issuer(), "http://keys.example/jwks",
                "RS256"));

        ThirdPartyTokenException thrown = failure(token(KEY_1));

        assertThat(thrown.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(thrown.description()).contains("jwks_uri");
    }

    @Test
    void verifyWhenDiscoveryDocumentIsNoJsonObjectThenUnavailable() {
        provider.serveDiscovery("[\"issuer\"]");

        assertThat(failure(token(KEY_1)).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void verifyWhenAlgorithmNotAmongTheDiscoveredOnesThenRejected() {
        provider.serveDiscovery(OidcProviderStub.discoveryDocument(provider.issuer(), provider.jwksUri().toString(),
                "ES256", "HS256"));

        assertThat(verify(token(EC_KEY)).subject().subject()).isEqualTo(SUBJECT);
        assertThat(failure(token(KEY_1)).reason()).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenDiscoveredAlgorithmsAreAllRefusedHereThenUnavailable() {
        provider.serveDiscovery(OidcProviderStub.discoveryDocument(provider.issuer(), provider.jwksUri().toString(),
                "HS256", "none"));

        assertThat(failure(token(KEY_1)).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void verifyWhenDiscoveryDocumentDownAfterItsMaxAgeThenConfigurationReadBeforeServes() {
        verify(token(KEY_1));
        provider.discoveryStatus(503);
        clock.advance(settings.keyMaxAge().plusMinutes(1));

        ThirdPartyIdentity identity = verify(token(KEY_1));

        assertThat(identity.subject().subject()).isEqualTo(SUBJECT);
        assertThat(provider.discoveryFetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenWholeProviderDownAfterItsMaxAgeThenConfigurationAndKeysReadBeforeServe() {
        verify(token(KEY_1));
        provider.health(StubServer.Health.DOWN);
        clock.advance(settings.keyMaxAge().plusMinutes(1));

        assertThat(verify(token(KEY_1)).subject().subject()).isEqualTo(SUBJECT);
    }

    @Test
    void verifyWhenDiscoveryDocumentDownAtFirstThenUnavailableUntilItIsBackAndTheRetryWaitHasPassed() {
        provider.discoveryStatus(503);
        assertThat(failure(token(KEY_1)).reason()).isEqualTo(Reason.UNAVAILABLE);

        provider.discoveryStatus(200);
        assertThat(failure(token(KEY_1)).reason()).as("within the retry wait").isEqualTo(Reason.UNAVAILABLE);
        assertThat(provider.discoveryFetches()).isEqualTo(1);

        clock.advance(ProviderDiscovery.FIRST_RETRY);
        assertThat(verify(token(KEY_1)).subject().subject()).isEqualTo(SUBJECT);
    }

    @Test
    void verifyWhenProviderMovedItsKeysThenDiscoveryReadAgainAndTheNewKeysFound() {
        verify(token(KEY_1));
        provider.moveKeysTo("/keys/2");
        provider.publish(KEY_2);
        clock.advance(settings.minRefreshInterval().plusSeconds(1));

        ThirdPartyIdentity identity = verify(token(KEY_2));

        assertThat(identity.subject().subject()).isEqualTo(SUBJECT);
        assertThat(provider.discoveryFetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenUnknownKeyNamedAgainAndAgainThenDiscoveryReadAtMostOncePerMinimumInterval() {
        verify(token(KEY_1));

        for (int i = 0; i < 5; i++) {
            assertThat(failure(token(KEY_2)).reason()).isEqualTo(Reason.REJECTED);
        }

        assertThat(provider.discoveryFetches()).isEqualTo(1);
    }

    @Test
    void discoveredWhenIssuerIsPlainHttpToARemoteHostThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OidcProviderSettings.discovered("oidc:acme",
                "http://login.acme.example", Set.of("app"), true)).withMessageContaining("https");
    }

    @Test
    void discoveredWhenIssuerIsHttpsThenItsDocumentUrlIsBelowIt() {
        OidcProviderSettings acme = OidcProviderSettings.discovered("oidc:acme", "https://login.acme.example/tenant/",
                Set.of("app"), true);

        assertThat(acme.isDiscovered()).isTrue();
        assertThat(ProviderDiscovery.documentUri("https://login.acme.example/tenant/", "oidc:acme"))
                .hasToString("https://login.acme.example/tenant/.well-known/openid-configuration");
    }

    @Test
    void constructorWhenDiscoveredWithSeveralIssuersThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OidcProviderSettings("oidc:acme",
                Set.of("https://a.example", "https://b.example"), null, Set.of("app"), false, true,
                OidcProviderSettings.DEFAULT_KEY_MAX_AGE, OidcProviderSettings.DEFAULT_MIN_REFRESH_INTERVAL));
    }
}
