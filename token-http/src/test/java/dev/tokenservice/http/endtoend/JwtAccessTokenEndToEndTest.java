package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.jwt.SigningAlgorithm;
import dev.tokenservice.http.launcher.JwtConfig;
import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.launcher.StartOptions;
import dev.tokenservice.http.launcher.TokenServer;
import dev.tokenservice.http.testing.TokenServerExtension;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.TestHashers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The judges of JWT access tokens: a third-party verifier, nimbus-jose-jwt's {@link DefaultJWTProcessor} with a JWK
 * source on the {@code jwks_uri} of the server's metadata, fetched over real HTTP, accepts the tokens; rotation breaks
 * none of them; a token of a removed key, an unsigned token and a token with a changed claim are refused; and a
 * JWT access token is stored like any other, so revocation, introspection and the administration API still hold.
 * The server runs on a {@link MutableClock} that starts at the real time, so the verifier's expiry check agrees.
 */
class JwtAccessTokenEndToEndTest {
    private static final String MACHINE = "orders.worker";
    private static final String MACHINE_SECRET = "w0rker-secret";
    private static final String WEB = "web.app";
    private static final String ADMIN = "ops";
    private static final String ADMIN_SECRET = "0ps-secret";
    private static final String PASSWORD = "pa ss+word";
    private static final Duration PUBLISH_AHEAD = Duration.ofMinutes(10);

    private final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private TokenServer server;
    private WireClient client;

    private void start(SigningAlgorithm algorithm) {
        ServerConfig config = ServerConfig.ephemeral().withRequestLog(false)
                .withJwt(JwtConfig.EPHEMERAL.withAlgorithm(algorithm).withPublishAhead(PUBLISH_AHEAD));
        server = TokenServer.start(config, new PrintStream(OutputStream.nullOutputStream()),
                StartOptions.DEFAULT.withClock(clock));
        client = new WireClient(server.baseUri());
        server.clients().save(Client.builder(MACHINE).secretHash(TokenServerExtension.hashSecret(MACHINE_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).allowedScopes(Scope.of("orders:read", "orders:write"))
                .defaultScopes(Scope.of("orders:read")).authorities(Authority.of("ORDERS_WORKER"))
                .accessTokenFormat(AccessTokenFormat.JWT).build());
        server.clients().save(Client.builder(WEB).grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN)
                .allowedScopes(Scope.of("read")).accessTokenFormat(AccessTokenFormat.JWT).build());
        server.clients().save(Client.builder(ADMIN).secretHash(TokenServerExtension.hashSecret(ADMIN_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).authorities(Authority.TOKENS_ADMIN).build());
        server.users().save(new UserAccount(Username.of("jane@example.com"), TestHashers.fast().hash(PASSWORD),
                Set.of(Authority.of("EDITOR"), Authority.of("AUTHOR"))));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tokenWhenClientUsesJwtThenNimbusVerifiesItWithTheKeysAtTheJwksUriOfTheMetadata() throws Exception {
        start(SigningAlgorithm.ES256);

        String token = machineToken();
        JWTClaimsSet claims = verifier(JWSAlgorithm.ES256).process(token, null);

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isIn(jwksKeyIds());
        assertThat(claims.getIssuer()).isEqualTo(server.issuer());
        assertThat(claims.getAudience()).containsExactly(server.issuer());
        assertThat(claims.getSubject()).isEqualTo(MACHINE);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(MACHINE);
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders:read");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ORDERS_WORKER");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void tokenWhenUserGrantThenSubjectIsTheUserAndRolesAreTheUsersAuthorities() throws Exception {
        start(SigningAlgorithm.ES256);

        JsonNode response = client.postForm("/oauth/token", form("grant_type", "password", "client_id", WEB,
                "username", "jane@example.com", "password", PASSWORD)).json();
        JWTClaimsSet claims = verifier(JWSAlgorithm.ES256).process(response.get("access_token").asText(), null);

        assertThat(response.get("expires_in").asInt()).isEqualTo(300);
        assertThat(claims.getSubject()).isEqualTo("jane@example.com");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(WEB);
        assertThat(claims.getStringListClaim("roles")).containsExactly("AUTHOR", "EDITOR");
        JsonNode refreshed = client.postForm("/oauth/token", form("grant_type", "refresh_token", "client_id", WEB,
                "refresh_token", response.get("refresh_token").asText())).json();
        assertThat(verifier(JWSAlgorithm.ES256).process(refreshed.get("access_token").asText(), null).getSubject())
                .isEqualTo("jane@example.com");
    }

    @Test
    void tokenWhenServerUsesRs256ThenNimbusVerifiesIt() throws Exception {
        start(SigningAlgorithm.RS256);

        String token = machineToken();

        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(verifier(JWSAlgorithm.RS256).process(token, null).getSubject()).isEqualTo(MACHINE);
    }

    @Test
    void rotationWhenCalledThenTheNewKeyIsPublishedAheadAndTokensSignedBeforeStillVerify() throws Exception {
        start(SigningAlgorithm.ES256);
        String before = machineToken();
        String oldKey = SignedJWT.parse(before).getHeader().getKeyID();

        Reply rotation = client.send("POST", "/auth/signing-keys", null, null, "Authorization", bearer(adminToken()));
        String newKey = rotation.json().get("kid").asText();
        String duringPublication = machineToken();
        clock.advance(PUBLISH_AHEAD);
        String after = machineToken();

        assertThat(rotation.status()).isEqualTo(201);
        assertThat(rotation.json().get("signs_from").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(SignedJWT.parse(duringPublication).getHeader().getKeyID()).isEqualTo(oldKey);
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKey);
        assertThat(jwksKeyIds()).containsExactlyInAnyOrder(oldKey, newKey);
        DefaultJWTProcessor<SecurityContext> verifier = verifier(JWSAlgorithm.ES256);
        for (String token : List.of(before, duringPublication, after)) {
            assertThat(verifier.process(token, null).getSubject()).isEqualTo(MACHINE);
        }
    }

    @Test
    void tokenWhenItsKeyWasRemovedAfterRotationThenRefused() throws Exception {
        start(SigningAlgorithm.ES256);
        client.send("POST", "/auth/signing-keys", null, null, "Authorization", bearer(adminToken()));
        clock.advance(PUBLISH_AHEAD.minus(Duration.ofMinutes(1)));
        String last = machineToken();
        String oldKey = SignedJWT.parse(last).getHeader().getKeyID();

        clock.advance(Duration.ofMinutes(3));
        assertThat(jwksKeyIds()).as("published while a token it signed lives").contains(oldKey).hasSize(2);
        assertThat(verifier(JWSAlgorithm.ES256).process(last, null).getSubject()).isEqualTo(MACHINE);
        clock.advance(Duration.ofHours(1));

        assertThat(jwksKeyIds()).doesNotContain(oldKey).hasSize(1);
        assertThatThrownBy(() -> verifier(JWSAlgorithm.ES256).process(last, null))
                .isInstanceOf(BadJOSEException.class);
        assertThat(verifier(JWSAlgorithm.ES256).process(machineToken(), null).getSubject()).isEqualTo(MACHINE);
    }

    @Test
    void tokenWhenUnsignedWithAlgNoneThenRefused() throws Exception {
        start(SigningAlgorithm.ES256);
        JWTClaimsSet genuine = SignedJWT.parse(machineToken()).getJWTClaimsSet();

        String unsigned = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), genuine)
                .serialize();

        assertThatThrownBy(() -> verifier(JWSAlgorithm.ES256).process(unsigned, null))
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void tokenWhenAClaimWasChangedThenRefused() throws Exception {
        start(SigningAlgorithm.ES256);
        SignedJWT genuine = SignedJWT.parse(machineToken());
        JWTClaimsSet widened = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                .claim("scope", "orders:read orders:write").build();

        Base64URL[] parts = genuine.getParsedParts();
        String tampered = parts[0] + "." + Base64URL.encode(widened.toString()) + "." + parts[2];

        assertThatThrownBy(() -> verifier(JWSAlgorithm.ES256).process(tampered, null))
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void tokenWhenNotTypedAtJwtThenTheVerifierThatRequiresItRefuses() throws Exception {
        start(SigningAlgorithm.ES256);
        DefaultJWTProcessor<SecurityContext> requiresJwtType = verifier(JWSAlgorithm.ES256);
        requiresJwtType.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));

        assertThatThrownBy(() -> requiresJwtType.process(machineToken(), null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void revocationWhenJwtThenIntrospectionSaysInactiveAndTheAdministrationApiListedIt() throws Exception {
        start(SigningAlgorithm.ES256);
        JsonNode login = client.postForm("/oauth/token", form("grant_type", "password", "client_id", WEB,
                "username", "jane@example.com", "password", PASSWORD)).json();
        String token = login.get("access_token").asText();
        String admin = adminToken();
        String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();

        Reply pair = client.get("/auth/tokens/jane%40example.com/web.app", "Authorization", bearer(admin));
        Reply list = client.get("/auth/tokens?filter_client_id=web.app", "Authorization", bearer(admin));
        assertThat(pair.status()).isEqualTo(200);
        assertThat(pair.json().get("token").asText()).isEqualTo(token);
        assertThat(list.json().get("content").get(0).get("token_id").asText()).isEqualTo(jti);
        assertThat(introspect(token).get("active").asBoolean()).isTrue();

        Reply revoked = client.postForm("/oauth/revoke", form("token", token, "client_id", WEB));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(introspect(token).get("active").asBoolean()).isFalse();
        assertThat(client.get("/auth/tokens/jane%40example.com/web.app", "Authorization", bearer(admin)).status())
                .isEqualTo(404);
    }

    @Test
    void metadataWhenServedThenNamesTheJwksUriWhoseKeysArePublicOnly() {
        start(SigningAlgorithm.ES256);

        JsonNode metadata = client.get("/.well-known/oauth-authorization-server").json();
        Reply jwks = client.get("/.well-known/jwks.json");

        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(server.issuer() + "/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("public, max-age=300");
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("EC");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("alg").asText()).isEqualTo("ES256");
        assertThat(key.has("d")).isFalse();
    }

    @Test
    void rotationWhenNotAnAdministratorThenRefusedAndNoKeyAdded() {
        start(SigningAlgorithm.ES256);
        Set<String> before = jwksKeyIds();

        Reply anonymous = client.send("POST", "/auth/signing-keys", null, null);
        Reply machine = client.send("POST", "/auth/signing-keys", null, null, "Authorization", bearer(machineToken()));
        Reply get = client.get("/auth/signing-keys", "Authorization", bearer(adminToken()));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(machine.status()).isEqualTo(403);
        assertThat(get.status()).isEqualTo(405);
        assertThat(jwksKeyIds()).isEqualTo(before);
    }

    private String machineToken() {
        Reply reply = client.postForm("/oauth/token", form("grant_type", "client_credentials"), "Authorization",
                basic(MACHINE, MACHINE_SECRET));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("access_token").asText();
    }

    private String adminToken() {
        return client.postForm("/oauth/token", form("grant_type", "client_credentials"), "Authorization",
                basic(ADMIN, ADMIN_SECRET)).json().get("access_token").asText();
    }

    private JsonNode introspect(String token) {
        return client.postForm("/oauth/introspect", form("token", token), "Authorization", basic(ADMIN, ADMIN_SECRET))
                .json();
    }

    private Set<String> jwksKeyIds() {
        Set<String> ids = new HashSet<>();
        client.get("/.well-known/jwks.json").json().get("keys").forEach(key -> ids.add(key.get("kid").asText()));
        return ids;
    }

    /**
     * A resource server's verifier, as nimbus-jose-jwt documents it: keys from the metadata's {@code jwks_uri} over
     * HTTP (a fresh source, without a cache, so each check sees the keys published now), type {@code at+jwt}, the
     * expected algorithm, issuer and audience, and the RFC 9068 claims required.
     */
    private DefaultJWTProcessor<SecurityContext> verifier(JWSAlgorithm algorithm) throws MalformedURLException {
        URL jwksUri = URI.create(client.get("/.well-known/oauth-authorization-server").json().get("jwks_uri").asText())
                .toURL();
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwksUri)
                .cache(false).refreshAheadCache(false)
                .rateLimited(false).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(server.issuer(),
                new JWTClaimsSet.Builder().issuer(server.issuer()).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "jti", "client_id"))));
        return processor;
    }
}
