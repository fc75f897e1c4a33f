package dev.tokenservice.core.grant;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A grant strategy's decision: what to issue. The service turns it into tokens under the issuance policy.
 *
 * @param grantType  the grant that decided
 * @param username   the resource owner the tokens act for; {@code null} for the client alone
 * @param scope      the scope of the access token
 * @param rotated    the refresh token this grant exchanges (refresh grant only); {@code null} otherwise
 * @param presented  the value of {@code rotated} as the client presented it, which alone opens the sealed successor
 *                   of the grace window; {@code null} when not known
 * @param handedBack the answer an earlier rotation of {@code rotated} already gave, handed back unchanged within the
 *                   grace window; {@code null} when new tokens are to be issued
 */
public record Grant(GrantType grantType, @Nullable Username username, Scope scope, @Nullable RefreshToken rotated,
        @Nullable TokenValue presented, @Nullable TokenResponse handedBack) {
    public Grant {
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(scope, "scope");
        if ((presented != null || handedBack != null) && rotated == null) {
            throw new IllegalArgumentException("only a rotation has a presented value or a handed-back answer");
        }
    }

    /** A grant that issues new tokens. */
    public Grant(GrantType grantType, @Nullable Username username, Scope scope, @Nullable RefreshToken rotated) {
        this(grantType, username, scope, rotated, null, null);
    }

    /** Tokens for the client itself, no user. */
    public static Grant forClient(GrantType grantType, Scope scope) {
        return new Grant(grantType, null, scope, null);
    }

    /** Tokens acting for a resource owner. */
    public static Grant forUser(GrantType grantType, Username username, Scope scope) {
        return new Grant(grantType, Objects.requireNonNull(username, "username"), scope, null);
    }

    /** An exchange of {@code rotated} for new tokens of its family, with access scope {@code scope}. */
    public static Grant rotation(RefreshToken rotated, Scope scope) {
        return new Grant(GrantType.REFRESH_TOKEN, rotated.username(), scope, rotated);
    }

    /** As {@link #rotation(RefreshToken, Scope)}, with the value the client presented. */
    public static Grant rotation(RefreshToken rotated, TokenValue presented, Scope scope) {
        return new Grant(GrantType.REFRESH_TOKEN, rotated.username(), scope, rotated,
                Objects.requireNonNull(presented, "presented"), null);
    }

    /** The answer an earlier rotation of {@code rotated} gave, handed back within the grace window. */
    public static Grant handBack(RefreshToken rotated, TokenResponse answer) {
        return new Grant(GrantType.REFRESH_TOKEN, rotated.username(), answer.scope(), rotated, null,
                Objects.requireNonNull(answer, "answer"));
    }
}
