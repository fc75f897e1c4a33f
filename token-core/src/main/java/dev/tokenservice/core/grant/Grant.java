package dev.tokenservice.core.grant;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.Username;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A grant strategy's decision: what to issue. The service turns it into tokens under the issuance policy.
 *
 * @param grantType the grant that decided
 * @param username  the resource owner the tokens act for; {@code null} for the client alone
 * @param scope     the scope of the access token
 * @param rotated   the refresh token this grant exchanges (refresh grant only); {@code null} otherwise
 */
public record Grant(GrantType grantType, @Nullable Username username, Scope scope, @Nullable RefreshToken rotated) {
    public Grant {
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(scope, "scope");
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
}
