package dev.tokenservice.core;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.TokenDetails;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenOwner;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import java.util.Optional;

/**
 * Token administration: list live access tokens, show the newest token of a user and client, revoke by user and/or
 * client. Callers must have checked that the caller holds {@code TOKENS_ADMIN}. Thread-safe.
 */
public final class TokenAdministration {
    private final TokenStore tokens;
    private final TokenQuery query;
    private final TokenSealer sealer;
    private final TokenEventListener events;

    TokenAdministration(TokenStore tokens, TokenQuery query, TokenSealer sealer, TokenEventListener events) {
        this.tokens = tokens;
        this.query = query;
        this.sealer = sealer;
        this.events = events;
    }

    /** A page of live access tokens; never their values. */
    public TokenPage list(TokenListQuery request) {
        return query.list(request);
    }

    /**
     * The user's most recent live access token with the client, with its value when sealing is on; empty when there is
     * none. A sealed value that does not open under the current key, or does not match the digest, is left out.
     */
    public Optional<TokenDetails> findLatest(Username username, ClientId clientId) {
        return tokens.findLatestAccessToken(TokenHolder.of(clientId, username)).map(token -> new TokenDetails(
                token.summary(),
                Optional.ofNullable(token.sealed())
                        .flatMap(sealer::unseal)
                        .filter(value -> TokenDigest.of(value).matches(token.digest()))
                        .orElse(null)));
    }

    /** Revokes every access and refresh token of the user, of the client, or of the pair; returns how many. */
    public int revoke(TokenOwner owner) {
        int count = tokens.revoke(owner);
        events.revoked(new Revoked(RevocationCause.ADMINISTRATION, count));
        return count;
    }
}
