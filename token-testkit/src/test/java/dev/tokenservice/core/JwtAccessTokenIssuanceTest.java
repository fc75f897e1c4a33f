package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.AccessTokenClaims;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.AccessTokenFormats;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.policy.TokenLifetimes;
import dev.tokenservice.core.port.AccessTokenSigner;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** JWT access tokens: the core decides the claims, a signer port makes the value, the store keeps its digest. */
class JwtAccessTokenIssuanceTest {
    private final Client jwtClient = TestClients.confidential().accessTokenFormat(AccessTokenFormat.JWT)
            .authorities(Authority.of("REPORTS")).build();
    private final InMemoryPorts ports = new InMemoryPorts().with(jwtClient)
            .with(TestUsers.user("carol", "carol-password", Authority.of("EDITOR")));
    private final RecordingSigner signer = new RecordingSigner();
    private final TokenService service = ports.coreBuilder().signer(signer).build().tokenService();

    @Test
    void issueWhenClientWantsJwtThenTheSignerMakesTheValueFromTheClaims() {
        TokenResponse response = service.issue(TokenRequests.clientCredentials(jwtClient));

        assertThat(signer.claims).hasSize(1);
        AccessTokenClaims claims = signer.claims.get(0);
        assertThat(response.accessToken().value()).isEqualTo("signed." + claims.id().value());
        assertThat(claims.subject()).isEqualTo(jwtClient.clientId().value());
        assertThat(claims.clientId()).isEqualTo(jwtClient.clientId());
        assertThat(claims.scope()).isEqualTo(Scope.of("read"));
        assertThat(claims.authorities()).containsExactly(Authority.of("REPORTS"));
        assertThat(claims.issuedAt()).isEqualTo(ports.clock().instant());
        assertThat(Duration.between(claims.issuedAt(), claims.expiresAt()))
                .isEqualTo(AccessTokenFormats.DEFAULT_JWT_LIFETIME);
    }

    @Test
    void issueWhenJwtThenStoresItsDigestAndIdLikeAnyAccessToken() {
        TokenResponse response = service.issue(TokenRequests.clientCredentials(jwtClient));

        AccessToken stored = ports.tokens().findAccessToken(TokenDigest.of(response.accessToken())).orElseThrow();
        assertThat(stored.id()).isEqualTo(signer.claims.get(0).id());
        assertThat(stored.expiresAt()).isEqualTo(signer.claims.get(0).expiresAt());
        assertThat(response.expiresIn()).isEqualTo(AccessTokenFormats.DEFAULT_JWT_LIFETIME);
    }

    @Test
    void issueWhenUserTokenThenClaimsCarryTheUsersAuthorities() {
        service.issue(TokenRequests.password(jwtClient, Username.of("carol"),
                "carol-password"));

        AccessTokenClaims claims = signer.claims.get(0);
        assertThat(claims.subject()).isEqualTo("carol");
        assertThat(claims.authorities()).containsExactly(Authority.of("EDITOR"));
    }

    @Test
    void issueWhenClientHasItsOwnLifetimeThenTheJwtUsesIt() {
        ports.clients().save(jwtClient.toBuilder().accessTokenLifetime(Duration.ofMinutes(2)).build());

        TokenResponse response = service.issue(TokenRequests.clientCredentials(jwtClient));

        assertThat(response.expiresIn()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void issueWhenClientUsesTheOpaqueDefaultThenTheSignerIsNotAsked() {
        Client opaque = TestClients.confidential().build();
        ports.clients().save(opaque);

        TokenResponse response = service.issue(TokenRequests.clientCredentials(opaque));

        assertThat(signer.claims).isEmpty();
        assertThat(response.accessToken().value()).startsWith("token-");
        assertThat(response.expiresIn()).isEqualTo(TokenLifetimes.DEFAULT.accessToken());
    }

    @Test
    void issueWhenServerDefaultIsJwtThenAClientWithoutAFormatGetsAJwtAndAnOpaqueClientStaysOpaque() {
        TokenService jwtByDefault = ports.coreBuilder().signer(signer).issuance(IssuanceSettings.DEFAULT.withFormats(
                new AccessTokenFormats(AccessTokenFormat.JWT, Duration.ofMinutes(3)))).build().tokenService();
        Client plain = TestClients.confidential().build();
        ports.clients().save(plain);

        TokenResponse jwt = jwtByDefault.issue(TokenRequests.clientCredentials(plain));
        ports.clients().save(plain.toBuilder().accessTokenFormat(AccessTokenFormat.OPAQUE).build());
        TokenResponse opaque = jwtByDefault.issue(TokenRequests.clientCredentials(plain));

        assertThat(jwt.accessToken().value()).startsWith("signed.");
        assertThat(jwt.expiresIn()).isEqualTo(Duration.ofMinutes(3));
        assertThat(opaque.accessToken().value()).startsWith("token-");
    }

    @Test
    void buildWhenJwtIsTheDefaultWithoutASignerThenFails() {
        TokenServices.Builder builder = ports.coreBuilder().issuance(IssuanceSettings.DEFAULT.withFormats(
                new AccessTokenFormats(AccessTokenFormat.JWT, Duration.ofMinutes(3))));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("signer");
    }

    @Test
    void revokeWhenJwtThenIntrospectionAndBearerVerificationSeeItInactive() {
        TokenValue token = service.issue(TokenRequests.clientCredentials(jwtClient)).accessToken();
        assertThat(service.introspect(TokenRequests.introspection(jwtClient, token)).active()).isTrue();

        service.revoke(new RevocationRequest(TestClients.credentials(jwtClient), token));

        assertThat(service.introspect(TokenRequests.introspection(jwtClient, token)).active()).isFalse();
        assertThat(service.verifyAccessToken(token)).isEmpty();
    }

    /** Signs nothing: the value names the token, and the claims are kept for the test to read. */
    private static final class RecordingSigner implements AccessTokenSigner {
        final List<AccessTokenClaims> claims = new CopyOnWriteArrayList<>();

        @Override
        public TokenValue sign(AccessTokenClaims tokenClaims) {
            claims.add(tokenClaims);
            return TokenValue.of("signed." + tokenClaims.id().value());
        }
    }
}
