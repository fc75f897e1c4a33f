package dev.tokenservice.core.port;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.Username;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Hears what the core did, for audit logs and metrics. Events never carry a token value or a secret. Called on the
 * request thread after the change is stored; implementations must be thread-safe and quick, and must not throw.
 */
public interface TokenEventListener {

    /** Listens to nothing. */
    TokenEventListener NONE = new TokenEventListener() { };

    /** A token endpoint request was granted. */
    record Issued(TokenSummary token, GrantType grantType, boolean withRefreshToken) { }

    /**
     * A refresh token was exchanged for new tokens of its family.
     *
     * @param token     the new access token
     * @param familyId  the rotation chain
     * @param retiredId the id of the refresh token that was exchanged and is now used
     */
    record Refreshed(TokenSummary token, FamilyId familyId, TokenId retiredId) {
        public Refreshed {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(familyId, "familyId");
            Objects.requireNonNull(retiredId, "retiredId");
        }
    }

    /** Why tokens were revoked. */
    enum RevocationCause { CLIENT_REQUEST, REFRESH_TOKEN_REUSE, ADMINISTRATION, REPLACED_BY_NEW_TOKEN }

    /**
     * Tokens were revoked.
     *
     * @param cause       why
     * @param count       how many tokens, access and refresh
     * @param requestedBy who asked: the client that revoked its own token, or the administrator's token holder;
     *                    {@code null} when the service decided itself (reuse, a replaced token)
     * @param selector    whose tokens were selected (administration, a replaced token's holder); {@code null} for one
     *                    token or one family
     * @param tokenId     the id of the token presented for revocation ({@link RevocationCause#CLIENT_REQUEST}), or
     *                    {@code null}
     * @param familyId    the refresh token family revoked (on reuse, or with a revoked token), or {@code null}
     */
    record Revoked(RevocationCause cause, int count, @Nullable TokenHolder requestedBy,
            @Nullable HolderSelector selector, @Nullable TokenId tokenId, @Nullable FamilyId familyId) {
        public Revoked {
            Objects.requireNonNull(cause, "cause");
        }

        /** Tokens revoked without more to say about who asked or which. */
        public Revoked(RevocationCause cause, int count) {
            this(cause, count, null, null, null, null);
        }
    }

    /**
     * A retired refresh token was presented again: a sign that it leaked.
     *
     * @param refreshTokenId the id of the refresh token presented again
     */
    record ReuseDetected(ClientId clientId, @Nullable Username username, FamilyId familyId, TokenId refreshTokenId) {
        public ReuseDetected {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(familyId, "familyId");
            Objects.requireNonNull(refreshTokenId, "refreshTokenId");
        }
    }

    /** Who failed to authenticate. */
    enum Party { CLIENT, USER }

    /** A client or a resource owner presented wrong or unknown credentials. {@code name} is the claimed id. */
    record AuthenticationFailed(Party party, String name) { }

    /** An account at an identity provider signed in for the first time and was linked to a new local user. */
    record AccountLinked(ThirdPartySubject thirdPartySubject, Username username) { }

    default void issued(Issued event) { }

    default void refreshed(Refreshed event) { }

    default void revoked(Revoked event) { }

    default void reuseDetected(ReuseDetected event) { }

    default void authenticationFailed(AuthenticationFailed event) { }

    default void accountLinked(AccountLinked event) { }

    /**
     * One listener that tells each of {@code listeners}, in order; {@link #NONE} for none, the listener itself for
     * one. Such as audit log and metrics, side by side.
     */
    static TokenEventListener allOf(List<? extends TokenEventListener> listeners) {
        List<TokenEventListener> all = List.copyOf(listeners);
        return switch (all.size()) {
            case 0 -> NONE;
            case 1 -> all.get(0);
            default -> new FanOutEventListener(all);
        };
    }
}
