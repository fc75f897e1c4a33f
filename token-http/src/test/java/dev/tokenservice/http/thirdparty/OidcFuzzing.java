package dev.tokenservice.http.thirdparty;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * What the OpenID Connect fuzz tests share: a provider on loopback publishing {@link #KEY}, settings with a fixed
 * issuer and client id (so that stored inputs can name them), a fixed clock, and the one outcome allowed for any input:
 * an identity or a {@link ThirdPartyTokenException}. Jazzer's network bug detector lets the verifier reach the
 * provider, and nothing else (set on each call: while fuzzing, the detector is installed after {@code @BeforeAll}).
 */
final class OidcFuzzing implements AutoCloseable {
    static final String ISSUER = "https://issuer.example.test";
    static final String CLIENT_ID = "our-app.apps.example.test";
    /** 2026-01-01T00:00:00Z: stored inputs use {@code "iat": 1767225600} and an {@code exp} an hour later. */
    static final Instant NOW = Instant.ofEpochSecond(1_767_225_600L);
    static final RSAKey KEY = TestKeys.named(TestKeys.RSA_A, "key-1");

    final OidcProviderStub provider = new OidcProviderStub();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ProviderHttpClient http = new ProviderHttpClient(Duration.ofSeconds(10));
    final OidcProviderSettings settings;

    OidcFuzzing() {
        provider.publish(KEY, TestKeys.EC_A);
        settings = OidcProviderSettings.of("oidc:fuzz", ISSUER, provider.jwksUri(), Set.of(CLIENT_ID), false);
    }

    OidcTokenVerifier verifier() {
        return new OidcTokenVerifier(settings, http, clock);
    }

    /** The verifier's identity; empty when it refused the token as it must, with a {@link ThirdPartyTokenException}. */
    Optional<ThirdPartyIdentity> verify(OidcTokenVerifier verifier, ThirdPartyToken token) {
        SilentCloseable network = allowConnectionsTo(provider);
        try {
            return Optional.of(verifier.verify(token));
        } catch (ThirdPartyTokenException e) {
            return Optional.empty();
        } finally {
            network.close();
        }
    }

    /** Lets the code under test connect to {@code stub}'s loopback port, and nowhere else. */
    static SilentCloseable allowConnectionsTo(StubServer stub) {
        int port = stub.baseUri().getPort();
        return BugDetectors.allowNetworkConnections((host, connectPort) -> connectPort == port
                && (host.equals("127.0.0.1") || host.equals("localhost")));
    }

    /** {@code header.claims.signature}: the two segments as given, signed RS256 with {@link #KEY}, whatever they say. */
    static String signed(byte[] header, byte[] claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(header) + "." + base64.encodeToString(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY.toPrivateKey());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        provider.close();
    }
}
