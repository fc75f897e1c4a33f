package dev.tokenservice.core;

import dev.tokenservice.core.auth.ClientAuthenticator;
import dev.tokenservice.core.grant.Grant;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthMethod;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.IntrospectionRequest;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.RevocationPolicy;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserDirectory;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint and its companions: issue (RFC 6749), revoke (RFC 7009), introspect (RFC 7662), and bearer
 * verification for protected calls. Every operation takes its caller and decides itself whether the caller may make
 * it; an adapter only translates. Built by {@link TokenServices#builder()}. Thread-safe.
 */
public final class TokenService {
    private final ClientAuthenticator clientAuthenticator;
    private final GrantRegistry grants;
    private final TokenIssuer issuer;
    private final TokenStore tokens;
    private final ClientStore clients;
    private final UserDirectory users;
    private final RevocationPolicy revocation;
    private final TokenEventListener events;
    private final AccessTokenVerifier verifier;

    TokenService(ClientAuthenticator clientAuthenticator, GrantRegistry grants, TokenIssuer issuer, TokenStore tokens,
            ClientStore clients, UserDirectory users, RevocationPolicy revocation, TokenEventListener events,
            AccessTokenVerifier verifier) {
        this.clientAuthenticator = clientAuthenticator;
        this.grants = grants;
        this.issuer = issuer;
        this.tokens = tokens;
        this.clients = clients;
        this.users = users;
        this.revocation = revocation;
        this.events = events;
        this.verifier = verifier;
    }

    /**
     * Answers a token request: authenticates the client, checks that it may use the grant type, lets the grant's
     * strategy decide, and issues under the issuance policy.
     *
     * @throws OAuthException with the RFC 6749 §5.2 error to return
     */
    public TokenResponse issue(TokenRequest request) {
        Client client = clientAuthenticator.authenticate(request.client());
        GrantStrategy strategy = grants.find(request.grantType())
                .orElseThrow(() -> OAuthException.unsupportedGrantType("grant type is not supported"));
        if (!client.mayUse(request.grantType())) {
            throw OAuthException.unauthorizedClient("client may not use this grant type");
        }
        Grant grant = strategy.grant(client, request);
        return issuer.issue(client, grant);
    }

    /**
     * Revokes a token on its client's request (RFC 7009 §2.1). An unknown, expired or already revoked token is not an
     * error. Revoking a refresh token revokes its family, with every access token issued along it.
     *
     * @throws OAuthException {@code invalid_client} when the client does not authenticate; {@code unauthorized_client}
     *                        when the token was issued to another client
     */
    public void revoke(RevocationRequest request) {
        Client client = clientAuthenticator.authenticate(request.client());
        TokenDigest digest = TokenDigest.of(request.token());
        Optional<AccessToken> access = tokens.findAccessToken(digest);
        if (access.isPresent()) {
            requireIssuedTo(client, access.get().clientId());
            int count = tokens.revokeAccessToken(digest) ? 1 : 0;
            Optional<FamilyId> family = revocation.familyToRevokeWith(access.get());
            count += family.map(tokens::revokeFamily).orElse(0);
            events.revoked(new Revoked(RevocationCause.CLIENT_REQUEST, count, TokenHolder.of(client.clientId(), null),
                    null, access.get().id(), family.orElse(null)));
            return;
        }
        Optional<RefreshToken> refresh = tokens.findRefreshToken(digest);
        if (refresh.isPresent()) {
            requireIssuedTo(client, refresh.get().clientId());
            FamilyId family = revocation.familyToRevokeWith(refresh.get());
            int count = tokens.revokeFamily(family);
            events.revoked(new Revoked(RevocationCause.CLIENT_REQUEST, count, TokenHolder.of(client.clientId(), null),
                    null, refresh.get().id(), family));
        }
    }

    private static void requireIssuedTo(Client caller, ClientId holder) {
        if (!caller.clientId().equals(holder)) {
            throw OAuthException.unauthorizedClient("token was not issued to this client");
        }
    }

    /**
     * Describes a token to a client, typically a resource server (RFC 7662). The client must authenticate with a
     * secret (RFC 7662 §2.1): a public client proves nothing about itself, and would learn about any token.
     *
     * @throws OAuthException {@code invalid_client} when the client is public or does not authenticate
     */
    public Introspection introspect(IntrospectionRequest request) {
        if (request.client().method() == ClientAuthMethod.NONE) {
            throw OAuthException.invalidClient("introspection requires client authentication with a secret");
        }
        clientAuthenticator.authenticate(request.client());
        return describe(request.token());
    }

    /** Describes a token to an administrator (RFC 7662 §2.1, "some form of authorization"). */
    public Introspection introspect(Administrator administrator, TokenValue token) {
        Objects.requireNonNull(administrator, "administrator");
        return describe(token);
    }

    /**
     * RFC 7662 §2.2. Expired, revoked, unknown and already-used refresh tokens are all simply inactive, and so is a
     * token whose client or user no longer exists: such a token no longer authenticates nor refreshes.
     */
    private Introspection describe(TokenValue token) {
        TokenDigest digest = TokenDigest.of(token);
        return tokens.findAccessToken(digest).map(Introspection::of)
                .or(() -> tokens.findRefreshToken(digest).filter(refresh -> !refresh.used()).map(Introspection::of))
                .filter(this::holderExists)
                .orElse(Introspection.INACTIVE);
    }

    private boolean holderExists(Introspection introspection) {
        return clients.findById(Objects.requireNonNull(introspection.clientId())).isPresent()
                && (introspection.username() == null || users.findByUsername(introspection.username()).isPresent());
    }

    /**
     * Verifies a bearer access token (RFC 6750) and returns who it speaks for, with the authorities of its user (or,
     * for a client-only token, of its client) as they are now; empty when the token is not live, or when its client or
     * its user no longer exists.
     */
    public Optional<TokenPrincipal> verifyAccessToken(TokenValue token) {
        return verifier.verify(token);
    }

    /** The grant types this service answers, built-in and extension. */
    public Set<GrantType> grantTypes() {
        return grants.grantTypes();
    }
}
