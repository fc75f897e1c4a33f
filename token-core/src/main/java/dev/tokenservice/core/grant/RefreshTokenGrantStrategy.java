package dev.tokenservice.core.grant;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.RevocationPolicy;
import dev.tokenservice.core.policy.ScopePolicy;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.ReuseDetected;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserDirectory;
import java.util.Objects;

/**
 * The refresh token grant (RFC 6749 §6) with rotation: a live, unused refresh token issued to this client is
 * exchanged for a new pair of the same family. Presenting a retired (used) token again is reuse: the whole family is
 * revoked (OAuth 2.0 Security BCP §4.14.2). The exchange itself is atomic in the store, so two concurrent uses of
 * one token never both succeed. Thread-safe.
 */
public final class RefreshTokenGrantStrategy implements GrantStrategy {
    private static final String INVALID = "refresh token is invalid, expired or revoked";

    private final TokenStore tokens;
    private final UserDirectory users;
    private final ScopePolicy scopes;
    private final RevocationPolicy revocation;
    private final TokenEventListener events;

    public RefreshTokenGrantStrategy(TokenStore tokens, UserDirectory users, ScopePolicy scopes,
            RevocationPolicy revocation, TokenEventListener events) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.users = Objects.requireNonNull(users, "users");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public Grant grant(Client client, TokenRequest request) {
        String value = request.parameter(TokenRequest.REFRESH_TOKEN)
                .orElseThrow(() -> OAuthException.invalidRequest("refresh_token is required"));
        RefreshToken token = tokens.findRefreshToken(TokenDigest.of(TokenValue.of(value)))
                .orElseThrow(() -> OAuthException.invalidGrant(INVALID));
        // RFC 6749 §6: the refresh token must have been issued to the authenticated client. Say nothing more.
        if (!token.clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant(INVALID);
        }
        if (token.used()) {
            events.reuseDetected(new ReuseDetected(token.clientId(), token.username(), token.familyId()));
            revocation.familyToRevokeOnReuse(token).ifPresent(family -> events.revoked(
                    new Revoked(RevocationCause.REFRESH_TOKEN_REUSE, tokens.revokeFamily(family))));
            throw OAuthException.invalidGrant("refresh token was already used");
        }
        if (token.username() != null && users.findByUsername(token.username()).isEmpty()) {
            throw OAuthException.invalidGrant(INVALID);
        }
        return Grant.rotation(token, scopes.narrow(token.scope(), request));
    }
}
