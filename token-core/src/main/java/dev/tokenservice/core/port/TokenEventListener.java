package dev.tokenservice.core.port;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.Username;
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

    /** A refresh token was exchanged for new tokens of its family. */
    record Refreshed(TokenSummary token, FamilyId familyId) { }

    /** Why tokens were revoked. */
    enum RevocationCause { CLIENT_REQUEST, REFRESH_TOKEN_REUSE, ADMINISTRATION, REPLACED_BY_NEW_TOKEN }

    /** Tokens were revoked. */
    record Revoked(RevocationCause cause, int count) { }

    /** A retired refresh token was presented again: a sign that it leaked. */
    record ReuseDetected(ClientId clientId, @Nullable Username username, FamilyId familyId) { }

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
}
