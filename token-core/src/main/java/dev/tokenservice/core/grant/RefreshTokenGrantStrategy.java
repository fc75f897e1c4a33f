package dev.tokenservice.core.grant;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
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
import java.util.Optional;

/**
 * The refresh token grant (RFC 6749 §6) with rotation: a live, unused refresh token issued to this client is
 * exchanged for a new pair of the same family. Presenting a retired (used) token again is reuse: the whole family is
 * revoked (OAuth 2.0 Security BCP §4.14.2). The exchange itself is atomic in the store, so two concurrent uses of
 * one token never both succeed. The {@code error_description} tells the outcomes apart: {@link #RACE_LOST} (the
 * family stands), {@link #REUSED_FAMILY_REVOKED} and {@link #REUSED_FAMILY_KEPT}.
 *
 * <p>With a grace window ({@link SuccessorHandback}), a retired token presented again within the window, while its
 * successor pair is untouched, is not reuse: the caller gets that same pair again, whatever the revocation policy
 * says, and no reuse event is reported. The loser of a race gets the winner's pair the same way (see
 * {@code TokenIssuer}). Past the window, or once the successor was used, the three outcomes above apply unchanged.
 * Thread-safe.
 */
public final class RefreshTokenGrantStrategy implements GrantStrategy {
    /**
     * The {@code error_description} of a request that lost a race: a concurrent request with the same refresh token
     * rotated it first, and the family stands. The caller should use what that request received.
     */
    public static final String RACE_LOST =
            "refresh token was already used by a concurrent request; use the token that request received";
    /** The {@code error_description} of reuse that revoked the token's family: the user must sign in again. */
    public static final String REUSED_FAMILY_REVOKED =
            "refresh token was already used; its family has been revoked, sign in again";
    /** The {@code error_description} of reuse under a policy that keeps the family: its newest token still works. */
    public static final String REUSED_FAMILY_KEPT =
            "refresh token was already used; use the refresh token that replaced it";

    /** The {@code error_description} of a refresh past its family's absolute lifetime: the user must sign in again. */
    public static final String FAMILY_ENDED =
            "refresh token family reached its maximum lifetime; sign in again";

    private static final String INVALID = "refresh token is invalid, expired or revoked";

    private final TokenStore tokens;
    private final UserDirectory users;
    private final ScopePolicy scopes;
    private final RevocationPolicy revocation;
    private final TokenEventListener events;
    private final SuccessorHandback handback;

    public RefreshTokenGrantStrategy(TokenStore tokens, UserDirectory users, ScopePolicy scopes,
            RevocationPolicy revocation, TokenEventListener events, SuccessorHandback handback) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.users = Objects.requireNonNull(users, "users");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.events = Objects.requireNonNull(events, "events");
        this.handback = Objects.requireNonNull(handback, "handback");
    }

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public Grant grant(Client client, TokenRequest request) {
        String value = request.parameter(TokenRequest.REFRESH_TOKEN)
                .orElseThrow(() -> OAuthException.invalidRequest("refresh_token is required"));
        TokenValue presented = TokenValue.of(value);
        RefreshToken token = tokens.findRefreshToken(TokenDigest.of(presented))
                .orElseThrow(() -> OAuthException.invalidGrant(INVALID));
        // RFC 6749 §6: the refresh token must have been issued to the authenticated client. Say nothing more.
        if (!token.clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant(INVALID);
        }
        if (token.used()) {
            Optional<TokenResponse> again = handback.handBack(client, token, presented);
            if (again.isEmpty()) {
                throw reuse(token);
            }
            requireUser(token);
            return Grant.handBack(token, again.get());
        }
        requireUser(token);
        return Grant.rotation(token, presented, scopes.narrow(token.scope(), request));
    }

    /** A user removed since the grant gets no more tokens. */
    private void requireUser(RefreshToken token) {
        if (token.username() != null && users.findByUsername(token.username()).isEmpty()) {
            throw OAuthException.invalidGrant(INVALID);
        }
    }

    /** Reuse of a retired token: revokes its family when the policy says so, and tells the caller which it was. */
    private OAuthException reuse(RefreshToken token) {
        events.reuseDetected(new ReuseDetected(token.clientId(), token.username(), token.familyId(), token.id()));
        Optional<FamilyId> family = revocation.familyToRevokeOnReuse(token);
        if (family.isEmpty()) {
            return OAuthException.invalidGrant(REUSED_FAMILY_KEPT);
        }
        events.revoked(new Revoked(RevocationCause.REFRESH_TOKEN_REUSE, tokens.revokeFamily(family.get()), null, null,
                token.id(), family.get()));
        return OAuthException.invalidGrant(REUSED_FAMILY_REVOKED);
    }
}
