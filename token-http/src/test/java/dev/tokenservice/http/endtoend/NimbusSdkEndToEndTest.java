package dev.tokenservice.http.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Nimbus OAuth 2.0 SDK, a strict third-party client, against the running server: it discovers the endpoints from
 * the metadata (RFC 8414), obtains tokens with {@code client_secret_basic} and {@code client_secret_post}, refreshes,
 * introspects (RFC 7662) and revokes (RFC 7009). A response the SDK rejects fails the test (its parse methods throw),
 * and every parsed value is compared with what the server sent or meant.
 */
class NimbusSdkEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    /** Characters that client_secret_basic must form-urlencode (RFC 6749 §2.3.1). */
    private static final ClientID INVENTORY = new ClientID("inventory.service");
    private static final Secret INVENTORY_SECRET = new Secret("s3cret:with/odd+chars ~%");
    private static final ClientID MOBILE = new ClientID("mobile.app");
    private static final Secret MOBILE_SECRET = new Secret("m0bile-secret");
    private static final ClientID SPA = new ClientID("spa.app");
    private static final ClientID ORDERS_API = new ClientID("orders.api");
    private static final Secret ORDERS_API_SECRET = new Secret("orders-api-secret");
    private static final String JANE = "jane.doe@example.com";
    private static final Secret JANE_PASSWORD = new Secret("pa ss+word");

    private static AuthorizationServerMetadata metadata;

    @BeforeAll
    static void registerAndDiscover() throws Exception {
        server.registerClient(INVENTORY.getValue(), INVENTORY_SECRET.getValue(),
                dev.tokenservice.core.model.Scope.of("inventory:read", "inventory:write"),
                dev.tokenservice.core.model.GrantType.CLIENT_CREDENTIALS);
        server.registerClient(MOBILE.getValue(), MOBILE_SECRET.getValue(),
                dev.tokenservice.core.model.Scope.of("orders", "profile"),
                dev.tokenservice.core.model.GrantType.PASSWORD, dev.tokenservice.core.model.GrantType.REFRESH_TOKEN);
        server.registerClient(SPA.getValue(), null, dev.tokenservice.core.model.Scope.of("orders"),
                dev.tokenservice.core.model.GrantType.PASSWORD, dev.tokenservice.core.model.GrantType.REFRESH_TOKEN);
        server.registerClient(Client.builder(ORDERS_API.getValue())
                .secretHash(TokenServerExtension.hashSecret(ORDERS_API_SECRET.getValue()))
                .grantTypes(dev.tokenservice.core.model.GrantType.CLIENT_CREDENTIALS).build());
        server.registerUser(JANE, JANE_PASSWORD.getValue());
        metadata = AuthorizationServerMetadata.resolve(issuer());
    }

    private static Issuer issuer() {
        return new Issuer(server.issuer());
    }

    /** A sent token request: the raw answer and the SDK's reading of it. */
    private record Exchange(HTTPResponse http, JSONObject raw, TokenResponse parsed) {
        Tokens tokens() {
            assertThat(parsed.indicatesSuccess()).as(http.getBody()).isTrue();
            return parsed.toSuccessResponse().getTokens();
        }

        ErrorObject error() {
            assertThat(parsed.indicatesSuccess()).isFalse();
            return parsed.toErrorResponse().getErrorObject();
        }
    }

    private static Exchange token(ClientAuthentication client, AuthorizationGrant grant, Scope scope) throws Exception {
        return exchange(new TokenRequest.Builder(metadata.getTokenEndpointURI(), client, grant).scope(scope).build()
                .toHTTPRequest());
    }

    private static Exchange exchange(HTTPRequest request) throws Exception {
        HTTPResponse http = request.send();
        return new Exchange(http, http.getBodyAsJSONObject(), TokenResponse.parse(http));
    }

    private static Tokens login(ClientAuthentication client) throws Exception {
        return token(client, new ResourceOwnerPasswordCredentialsGrant(JANE, JANE_PASSWORD), new Scope("orders")).tokens();
    }

    private static TokenIntrospectionResponse introspect(ClientAuthentication caller, Token token) throws Exception {
        return TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(), caller, token).toHTTPRequest().send());
    }

    private static TokenIntrospectionSuccessResponse introspectAsResourceServer(Token token) throws Exception {
        TokenIntrospectionResponse response = introspect(new ClientSecretBasic(ORDERS_API, ORDERS_API_SECRET), token);
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse();
    }

    private static HTTPResponse revoke(ClientAuthentication client, Token token) throws Exception {
        return new TokenRevocationRequest(metadata.getRevocationEndpointURI(), client, token).toHTTPRequest().send();
    }

    /** What the SDK read is what the server sent. */
    private static void assertParsedAsSent(Exchange exchange) {
        AccessToken access = exchange.tokens().getAccessToken();
        assertThat(access).isInstanceOf(BearerAccessToken.class);
        assertThat(access.getType()).isEqualTo(AccessTokenType.BEARER);
        assertThat(access.getValue()).isEqualTo(exchange.raw().getAsString("access_token"));
        assertThat(access.getLifetime()).isEqualTo(exchange.raw().getAsNumber("expires_in").longValue());
        assertThat(access.getScope()).isEqualTo(Scope.parse(exchange.raw().getAsString("scope")));
        RefreshToken refresh = exchange.tokens().getRefreshToken();
        assertThat(refresh == null ? null : refresh.getValue()).isEqualTo(exchange.raw().getAsString("refresh_token"));
        assertThat(exchange.http().getHeaderValue("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void metadataWhenResolvedFromTheIssuerThenEveryEndpointAndCapabilityReads() {
        String base = "http://localhost:" + server.baseUri().getPort();

        assertThat(metadata.getIssuer()).isEqualTo(issuer());
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(base + "/oauth/token"));
        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(URI.create(base + "/oauth/revoke"));
        assertThat(metadata.getIntrospectionEndpointURI()).isEqualTo(URI.create(base + "/oauth/introspect"));
        assertThat(metadata.getGrantTypes())
                .containsExactly(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        assertThat(metadata.getResponseTypes()).isEmpty();
        assertThat(metadata.getTokenEndpointAuthMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE);
        assertThat(metadata.getRevocationEndpointAuthMethods()).containsExactly(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST,
                ClientAuthenticationMethod.NONE);
        assertThat(metadata.getIntrospectionEndpointAuthMethods()).containsExactly(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(metadata.getScopes()).isNull();
        assertThat(metadata.getServiceDocsURI()).isEqualTo(URI.create(base + "/openapi.json"));
        assertThat(metadata.getAuthorizationEndpointURI()).isNull();
    }

    @Test
    void tokenWhenClientSecretBasicWithCharactersToEncodeThenBearerTokenParsedAsSent() throws Exception {
        Exchange exchange = token(new ClientSecretBasic(INVENTORY, INVENTORY_SECRET), new ClientCredentialsGrant(),
                new Scope("inventory:read"));

        assertParsedAsSent(exchange);
        assertThat(exchange.tokens().getAccessToken().getLifetime()).isEqualTo(Duration.ofHours(1).toSeconds());
        assertThat(exchange.tokens().getAccessToken().getScope()).isEqualTo(new Scope("inventory:read"));
        assertThat(exchange.tokens().getRefreshToken()).isNull();
    }

    @Test
    void tokenWhenClientSecretPostWithPasswordGrantThenAccessAndRefreshTokenParsedAsSent() throws Exception {
        Exchange exchange = token(new ClientSecretPost(MOBILE, MOBILE_SECRET),
                new ResourceOwnerPasswordCredentialsGrant(JANE, JANE_PASSWORD), new Scope("orders", "profile"));

        assertParsedAsSent(exchange);
        assertThat(exchange.tokens().getAccessToken().getScope()).isEqualTo(new Scope("orders", "profile"));
        assertThat(exchange.tokens().getRefreshToken()).isNotNull();
    }

    @Test
    void tokenWhenPasswordIsWrongThenSdkReadsInvalidGrant() throws Exception {
        Exchange exchange = token(new ClientSecretPost(MOBILE, MOBILE_SECRET),
                new ResourceOwnerPasswordCredentialsGrant(JANE, new Secret("wrong")), null);

        assertThat(exchange.parsed()).isInstanceOf(TokenErrorResponse.class);
        assertThat(exchange.error().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
        assertThat(exchange.error().getHTTPStatusCode()).isEqualTo(400);
        assertThat(exchange.error().getDescription()).isEqualTo(exchange.raw().getAsString("error_description"));
    }

    @Test
    void refreshWhenRotatedThenNewPairAndTheOldRefreshTokenIsRefused() throws Exception {
        Tokens first = login(new ClientSecretPost(MOBILE, MOBILE_SECRET));

        Exchange refreshed = token(new ClientSecretBasic(MOBILE, MOBILE_SECRET),
                new RefreshTokenGrant(first.getRefreshToken()), null);
        Exchange reused = token(new ClientSecretBasic(MOBILE, MOBILE_SECRET),
                new RefreshTokenGrant(first.getRefreshToken()), null);

        assertParsedAsSent(refreshed);
        assertThat(refreshed.tokens().getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        assertThat(refreshed.tokens().getAccessToken()).isNotEqualTo(first.getAccessToken());
        assertThat(reused.error().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
        // Reuse of a retired refresh token revokes its family: the tokens of the refresh are gone too.
        assertThat(introspectAsResourceServer(refreshed.tokens().getRefreshToken()).isActive()).isFalse();
        assertThat(introspectAsResourceServer(refreshed.tokens().getAccessToken()).isActive()).isFalse();
    }

    @Test
    void introspectWhenUserAccessTokenThenSdkReadsWhatTheServerMeant() throws Exception {
        Tokens tokens = login(new ClientSecretPost(MOBILE, MOBILE_SECRET));

        TokenIntrospectionSuccessResponse introspection = introspectAsResourceServer(tokens.getAccessToken());

        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getScope()).isEqualTo(new Scope("orders"));
        assertThat(introspection.getClientID()).isEqualTo(MOBILE);
        assertThat(introspection.getUsername()).isEqualTo(JANE);
        assertThat(introspection.getSubject().getValue()).isEqualTo(JANE);
        assertThat(introspection.getTokenType()).isEqualTo(AccessTokenType.BEARER);
        Duration lifetime = Duration.between(introspection.getIssueTime().toInstant(),
                introspection.getExpirationTime().toInstant());
        assertThat(lifetime).isEqualTo(Duration.ofSeconds(tokens.getAccessToken().getLifetime()));
    }

    @Test
    void introspectWhenClientTokenThenClientIsTheSubjectAndNoUsername() throws Exception {
        Tokens tokens = token(new ClientSecretBasic(INVENTORY, INVENTORY_SECRET), new ClientCredentialsGrant(), null)
                .tokens();

        TokenIntrospectionSuccessResponse introspection = introspectAsResourceServer(tokens.getAccessToken());

        assertThat(introspection.getSubject().getValue()).isEqualTo(INVENTORY.getValue());
        assertThat(introspection.getUsername()).isNull();
        assertThat(introspection.getScope()).isEqualTo(new Scope("inventory:read", "inventory:write"));
    }

    @Test
    void introspectWhenRefreshTokenWithClientSecretPostThenRefreshTokenType() throws Exception {
        Tokens tokens = login(new ClientSecretPost(MOBILE, MOBILE_SECRET));

        TokenIntrospectionResponse response = introspect(new ClientSecretPost(ORDERS_API, ORDERS_API_SECRET),
                tokens.getRefreshToken());

        assertThat(response.toSuccessResponse().isActive()).isTrue();
        assertThat(response.toSuccessResponse().getTokenType()).isEqualTo(new AccessTokenType("refresh_token"));
        assertThat(response.toSuccessResponse().getClientID()).isEqualTo(MOBILE);
    }

    @Test
    void introspectWhenAdministratorBearerTokenThenDescribes() throws Exception {
        Tokens tokens = login(new ClientSecretPost(MOBILE, MOBILE_SECRET));
        BearerAccessToken admin = new BearerAccessToken(server.adminToken());

        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), admin, tokens.getAccessToken()).toHTTPRequest().send());

        assertThat(response.toSuccessResponse().getUsername()).isEqualTo(JANE);
    }

    @Test
    void introspectWhenWrongSecretThenSdkReadsInvalidClient() throws Exception {
        TokenIntrospectionResponse response = introspect(new ClientSecretBasic(ORDERS_API, new Secret("wrong")),
                new BearerAccessToken("abc"));

        assertThat(response).isInstanceOf(TokenIntrospectionErrorResponse.class);
        ErrorObject error = response.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).isEqualTo(OAuth2Error.INVALID_CLIENT.getCode());
        assertThat(error.getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void revokeWhenAccessTokenWithClientSecretBasicThen200AndInactive() throws Exception {
        Tokens tokens = login(new ClientSecretBasic(MOBILE, MOBILE_SECRET));

        HTTPResponse response = revoke(new ClientSecretBasic(MOBILE, MOBILE_SECRET), tokens.getAccessToken());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(introspectAsResourceServer(tokens.getAccessToken()).isActive()).isFalse();
        assertThat(introspectAsResourceServer(tokens.getRefreshToken()).isActive()).isTrue();
    }

    @Test
    void revokeWhenPublicClientRevokesItsRefreshTokenThenFamilyAndAccessTokenGone() throws Exception {
        Tokens tokens = exchange(new TokenRequest.Builder(metadata.getTokenEndpointURI(), SPA,
                new ResourceOwnerPasswordCredentialsGrant(JANE, JANE_PASSWORD)).build().toHTTPRequest()).tokens();

        HTTPResponse response = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), SPA,
                tokens.getRefreshToken()).toHTTPRequest().send();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(introspectAsResourceServer(tokens.getRefreshToken()).isActive()).isFalse();
        assertThat(introspectAsResourceServer(tokens.getAccessToken()).isActive()).isFalse();
        Exchange refresh = exchange(new TokenRequest.Builder(metadata.getTokenEndpointURI(), SPA,
                new RefreshTokenGrant(tokens.getRefreshToken())).build().toHTTPRequest());
        assertThat(refresh.error().getCode()).isEqualTo(OAuth2Error.INVALID_GRANT.getCode());
    }

    @Test
    void revokeWhenWrongSecretThenSdkReadsInvalidClientWithBasicChallenge() throws Exception {
        HTTPResponse response = revoke(new ClientSecretBasic(MOBILE, new Secret("wrong")), new BearerAccessToken("abc"));

        ErrorObject error = TokenErrorResponse.parse(response).getErrorObject();
        assertThat(error.getCode()).isEqualTo(OAuth2Error.INVALID_CLIENT.getCode());
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaderValue("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void bearerChallengesWhenRefusedThenSdkParsesRfc6750Errors() throws Exception {
        URI admin = server.baseUri().resolve("/auth/tokens");
        String userToken = login(new ClientSecretPost(MOBILE, MOBILE_SECRET)).getAccessToken().getValue();

        BearerTokenError missing = challenge(admin, null);
        BearerTokenError invalid = challenge(admin, "bm90LWEtdG9rZW4");
        BearerTokenError insufficient = challenge(admin, userToken);
        BearerTokenError introspectionInvalid = challenge(metadata.getIntrospectionEndpointURI(), "bm90LWEtdG9rZW4");

        assertThat(missing.getCode()).isNull();
        assertThat(missing.getRealm()).isEqualTo("token-service");
        assertThat(invalid.getCode()).isEqualTo(BearerTokenError.INVALID_TOKEN.getCode());
        assertThat(invalid.getDescription()).isNotBlank();
        assertThat(invalid.getRealm()).isEqualTo("token-service");
        assertThat(insufficient.getCode()).isEqualTo(BearerTokenError.INSUFFICIENT_SCOPE.getCode());
        assertThat(insufficient.getHTTPStatusCode()).isEqualTo(403);
        assertThat(introspectionInvalid.getCode()).isEqualTo(BearerTokenError.INVALID_TOKEN.getCode());
    }

    /** The challenge of a refused bearer call; introspection is a POST with a form, the administration list a GET. */
    private static BearerTokenError challenge(URI endpoint, String token) throws Exception {
        boolean introspection = endpoint.equals(metadata.getIntrospectionEndpointURI());
        HTTPRequest request = new HTTPRequest(introspection ? HTTPRequest.Method.POST : HTTPRequest.Method.GET, endpoint);
        if (introspection) {
            request.setContentType("application/x-www-form-urlencoded");
            request.setBody("token=abc");
        }
        if (token != null) {
            request.setAuthorization(new BearerAccessToken(token).toAuthorizationHeader());
        }
        HTTPResponse response = request.send();
        List<String> challenges = response.getHeaderValues("WWW-Authenticate");
        assertThat(challenges).hasSize(1);
        BearerTokenError error = BearerTokenError.parse(challenges.get(0));
        assertThat(response.getStatusCode()).isEqualTo(error.getCode() == null ? 401
                : error.getCode().equals("insufficient_scope") ? 403 : 401);
        return error.setHTTPStatusCode(response.getStatusCode());
    }
}
