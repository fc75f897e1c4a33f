package dev.tokenservice.core.grant;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.ScopePolicy;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.core.port.TokenEventListener.Party;
import dev.tokenservice.core.port.UserDirectory;
import java.util.Objects;

/** The resource owner password credentials grant (RFC 6749 §4.3). Thread-safe. */
public final class PasswordGrantStrategy implements GrantStrategy {
    private final UserDirectory users;
    private final ScopePolicy scopes;
    private final TokenEventListener events;

    public PasswordGrantStrategy(UserDirectory users, ScopePolicy scopes, TokenEventListener events) {
        this.users = Objects.requireNonNull(users, "users");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public GrantType grantType() {
        return GrantType.PASSWORD;
    }

    @Override
    public Grant grant(Client client, TokenRequest request) {
        // A blank username names nobody (and is no valid Username): a malformed request, not a failed login.
        String username = request.parameter(TokenRequest.USERNAME)
                .filter(name -> !name.isBlank())
                .orElseThrow(() -> OAuthException.invalidRequest("username is required"));
        String password = request.parameter(TokenRequest.PASSWORD)
                .orElseThrow(() -> OAuthException.invalidRequest("password is required"));
        // Check the scope first: a refused scope must not cost a password hash or count as a failed login.
        Scope scope = scopes.resolve(client, request);
        ResourceOwner owner = users.authenticate(Username.of(username), Password.of(password))
                .orElseThrow(() -> {
                    events.authenticationFailed(new AuthenticationFailed(Party.USER, username));
                    return OAuthException.invalidGrant("invalid username or password");
                });
        return Grant.forUser(grantType(), owner.username(), scope);
    }
}
