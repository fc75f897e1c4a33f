package dev.tokenservice.core;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenDetails;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Token administration: list live access tokens, show the newest token of a user and client, revoke by user and/or
 * client. Every operation takes an {@link Administrator}, which only {@link #authorize} hands out, so no caller reaches
 * them without a live access token holding {@link Authority#TOKENS_ADMIN}. Thread-safe.
 */
public final class TokenAdministration {
    private final TokenStore tokens;
    private final TokenQuery query;
    private final TokenSealer sealer;
    private final TokenEventListener events;
    private final AccessTokenVerifier verifier;

    TokenAdministration(TokenStore tokens, TokenQuery query, TokenSealer sealer, TokenEventListener events,
            AccessTokenVerifier verifier) {
        this.tokens = tokens;
        this.query = query;
        this.sealer = sealer;
        this.events = events;
        this.verifier = verifier;
    }

    /**
     * The administrator a bearer access token (RFC 6750) speaks for.
     *
     * @throws OAuthException {@code invalid_token} when the token is not live or its client or user is gone;
     *                        {@code insufficient_scope} when it does not hold {@link Authority#TOKENS_ADMIN}
     */
    public Administrator authorize(TokenValue bearer) {
        TokenPrincipal principal = verifier.verify(bearer)
                .orElseThrow(() -> OAuthException.invalidToken("the access token is invalid, expired or revoked"));
        if (!principal.hasAuthority(Authority.TOKENS_ADMIN)) {
            throw OAuthException.insufficientScope("the access token lacks the TOKENS_ADMIN authority");
        }
        return new Administrator(principal);
    }

    /** A page of live access tokens; never their values. */
    public TokenPage list(Administrator administrator, TokenListQuery request) {
        Objects.requireNonNull(administrator, "administrator");
        return query.list(request);
    }

    /**
     * The user's most recent live access token with the client, with its value when sealing is on; empty when there is
     * none. A sealed value that does not open under the current key, or does not match the digest, is left out.
     */
    public Optional<TokenDetails> findLatest(Administrator administrator, Username username, ClientId clientId) {
        Objects.requireNonNull(administrator, "administrator");
        return tokens.findLatestAccessToken(TokenHolder.of(clientId, username)).map(token -> new TokenDetails(
                token.summary(),
                Optional.ofNullable(token.sealed())
                        .flatMap(sealer::unseal)
                        .filter(value -> TokenDigest.of(value).matches(token.digest()))
                        .orElse(null)));
    }

    /** Revokes every access and refresh token the selector matches (a user, a client or a pair); returns how many. */
    public int revoke(Administrator administrator, HolderSelector selector) {
        Objects.requireNonNull(administrator, "administrator");
        int count = tokens.revokeSelected(selector);
        events.revoked(new Revoked(RevocationCause.ADMINISTRATION, count, TokenHolder.of(administrator.principal().token().clientId(),
                administrator.principal().token().username()), selector,
                null, null));
        return count;
    }
}
