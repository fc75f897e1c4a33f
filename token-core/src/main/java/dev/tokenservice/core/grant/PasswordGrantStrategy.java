package dev.tokenservice.core.grant;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.ScopePolicy;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.core.port.TokenEventListener.Party;
import dev.tokenservice.core.port.UserDirectory;
import java.util.Objects;

/**
 * The resource owner password credentials grant (RFC 6749 §4.3). Guessing is slowed down (§4.3.2) by the
 * {@link AuthenticationThrottle}, under the username through this client and under the username through all clients,
 * before the password is checked. Thread-safe.
 */
public final class PasswordGrantStrategy implements GrantStrategy {
    private final UserDirectory users;
    private final ScopePolicy scopes;
    private final TokenEventListener events;
    private final AuthenticationThrottle throttle;

    public PasswordGrantStrategy(UserDirectory users, ScopePolicy scopes, TokenEventListener events,
            AuthenticationThrottle throttle) {
        this.users = Objects.requireNonNull(users, "users");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.events = Objects.requireNonNull(events, "events");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
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
        Username name = Username.of(username);
        AuthenticationThrottle.Attempt attempt = throttle.admit(
                ThrottleKey.pair(client.clientId(), name), ThrottleKey.user(name));
        ResourceOwner owner = users.authenticate(name, Password.of(password))
                .orElseThrow(() -> {
                    attempt.failed();
                    events.authenticationFailed(new AuthenticationFailed(Party.USER, username));
                    return OAuthException.invalidGrant("invalid username or password");
                });
        attempt.succeeded();
        return Grant.forUser(grantType(), owner.username(), scope);
    }
}
