package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.launcher.ThrottleConfig;
import dev.tokenservice.http.testing.TokenServerExtension;
import dev.tokenservice.http.thirdparty.OidcProviderSettings;
import dev.tokenservice.http.thirdparty.OidcProviderStub;
import dev.tokenservice.http.thirdparty.TestKeys;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ID tokens whose syntax is broken or merely unusual, sent to the {@code google} grant over a real socket against an
 * OpenID Connect provider on loopback: each is {@code invalid_grant}, never a server error, and a token whose segments
 * are not canonical base64url is refused even when its signature would verify.
 */
class IdTokenSyntaxEndToEndTest {
    private static final RSAKey KEY = TestKeys.named(TestKeys.RSA_A, "google-1");
    private static final OidcProviderStub GOOGLE = new OidcProviderStub();
    private static final String MOBILE = "mobile.app";

    /** Every refused token here counts against the one client; the throttle must not end the run early. */
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(config -> config.withThirdPartyProviders(
            ThirdPartyProviders.NONE.withTimeout(Duration.ofSeconds(1))
                    .with(OidcProviderSettings.google(Set.of(OidcProviderStub.CLIENT_ID), true)
                            .withIssuers(Set.of(GOOGLE.issuer())).withJwksUri(GOOGLE.jwksUri())))
            .withThrottle(ThrottleConfig.DEFAULT.withSettings(new ThrottleSettings(5, 1_000, Duration.ofSeconds(1),
                    Duration.ofMinutes(5), Duration.ofMinutes(15)))));

    private static WireClient client;

    @BeforeAll
    static void register() {
        GOOGLE.publish(KEY);
        client = new WireClient(server.baseUri());
        server.registerClient(MOBILE, null, Scope.of("read"), GrantType.of("google"));
    }

    @AfterAll
    static void stopProvider() {
        GOOGLE.close();
    }

    private static Reply google(String idToken) {
        return client.postForm("/oauth/token", form("grant_type", "google", "client_id", MOBILE, "token", idToken));
    }

    private static void assertInvalidGrant(Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("at com.");
    }

    /** A valid ID token for {@code subject}, signed now. */
    private static String idToken(String subject) {
        return OidcProviderStub.sign(KEY, GOOGLE.claims(subject, Instant.now()).build());
    }

    private static String[] segments(String token) {
        return token.split("\\.", -1);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code payload}, whatever it is, signed by the provider's key with a well-formed header naming it. */
    private static String signedPayload(String payload) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    new Payload(payload));
            jws.sign(new RSASSASigner(KEY));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void googleWhenJoseHeaderIsJsonNullThenInvalidGrant() {
        String[] valid = segments(idToken("7001"));

        Reply reply = google("bnVsbA." + valid[1] + "." + valid[2]);

        assertInvalidGrant(reply);
        assertThat(server.findUser("google:7001")).isEmpty();
    }

    static Stream<Arguments> malformedTokens() {
        String[] valid = segments(idToken("7002"));
        UnaryOperator<String> withHeader = header -> base64(header) + "." + valid[1] + "." + valid[2];
        return Stream.of(
                Arguments.of("header null", withHeader.apply("null")),
                Arguments.of("header []", withHeader.apply("[]")),
                Arguments.of("header 1", withHeader.apply("1")),
                Arguments.of("header \"x\"", withHeader.apply("\"x\"")),
                Arguments.of("header {}", withHeader.apply("{}")),
                Arguments.of("header not JSON", withHeader.apply("{\"alg\":")),
                Arguments.of("signed payload null", signedPayload("null")),
                Arguments.of("signed payload []", signedPayload("[]")),
                Arguments.of("signed payload 1", signedPayload("1")),
                Arguments.of("signed payload \"x\"", signedPayload("\"x\"")),
                Arguments.of("signed payload not JSON", signedPayload("{\"sub\":")),
                Arguments.of("all segments empty", ".."),
                Arguments.of("empty header", "." + valid[1] + "." + valid[2]),
                Arguments.of("empty payload", valid[0] + ".." + valid[2]),
                Arguments.of("empty signature", valid[0] + "." + valid[1] + "."),
                Arguments.of("one segment", valid[0]),
                Arguments.of("two segments", valid[0] + "." + valid[1]),
                Arguments.of("four segments", String.join(".", valid) + "." + valid[2]),
                Arguments.of("five segments (JWE shape)", String.join(".", valid) + "." + valid[1] + "." + valid[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTokens")
    void googleWhenTokenMalformedThenInvalidGrant(String malformation, String token) {
        assertInvalidGrant(google(token));
    }

    @Test
    void googleWhenTokenCanonicalThenIssued() {
        Reply reply = google(idToken("7003"));

        assertThat(reply.status()).isEqualTo(200);
    }

    /** A token whose signature segment has a '-' or '_' to rewrite: RSA signatures are random enough to find one fast. */
    private static String[] tokenWithUrlSafeCharactersInItsSignature(String subject) {
        for (int i = 0; i < 20; i++) {
            String[] token = segments(idToken(subject + "-" + i));
            if (token[2].contains("-") || token[2].contains("_")) {
                return token;
            }
        }
        throw new IllegalStateException("no signature with '-' or '_' in 20 tokens");
    }

    static Stream<Arguments> nonCanonicalSpellings() {
        String[] valid = tokenWithUrlSafeCharactersInItsSignature("7004");
        String header = valid[0];
        String payload = valid[1];
        String signature = valid[2];
        // A 2048-bit RSA signature is 256 bytes: 342 characters, the last carrying 2 bits and 4 zero bits.
        char last = signature.charAt(signature.length() - 1);
        String trailingBitSet = signature.substring(0, signature.length() - 1) + alphabetNeighbour(last);
        return Stream.of(
                Arguments.of("signature in the standard alphabet (+ and /)",
                        header + "." + payload + "." + signature.replace('-', '+').replace('_', '/')),
                Arguments.of("signature padded with =", header + "." + payload + "." + signature + "=="),
                Arguments.of("signature with a space inserted",
                        header + "." + payload + "." + signature.substring(0, 10) + " " + signature.substring(10)),
                Arguments.of("signature with a non-zero trailing bit", header + "." + payload + "." + trailingBitSet),
                Arguments.of("header padded with =", header + "=." + payload + "." + signature),
                Arguments.of("payload with a space inserted",
                        header + "." + payload.substring(0, 8) + " " + payload.substring(8) + "." + signature),
                Arguments.of("signature of a length ≡ 1 mod 4", header + "." + payload + "." + signature + "AAA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonCanonicalSpellings")
    void googleWhenASegmentIsNotCanonicalBase64UrlThenInvalidGrant(String spelling, String token) {
        assertInvalidGrant(google(token));
    }

    /** The base64url character one above {@code c}: the same high bits, the lowest bit set. */
    private static char alphabetNeighbour(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(c) | 1);
    }
}
