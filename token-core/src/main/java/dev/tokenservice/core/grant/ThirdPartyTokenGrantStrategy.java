package dev.tokenservice.core.grant;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.auth.AccountLinker;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.policy.AccountLinkingPolicy;
import dev.tokenservice.core.policy.ScopePolicy;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.util.Objects;

/**
 * A third-party grant, an extension grant (RFC 6749 §4.5) such as {@code google}, {@code facebook} or {@code oidc:acme}:
 * the client sends a token another party issued in {@code token} (and, optionally, the {@code nonce} it asked that
 * party to put into it); the provider's {@link ThirdPartyTokenVerifier} proves whose account it is, the
 * {@link AccountLinker} finds (or, under the provider's {@link AccountLinkingPolicy}, creates) the local user, and the
 * tokens are issued to that user as the password grant issues them, with a refresh token when the client may refresh.
 *
 * <p>One instance per grant name, registered with {@code TokenServices.builder().grant(...)}. A refused scope costs no
 * call to the provider. A token the provider does not vouch for is {@code invalid_grant} and counts as a failure of
 * this client and grant type for the {@link AuthenticationThrottle}, which admits each attempt before the provider is
 * asked; a provider that cannot be asked is {@code temporarily_unavailable} and counts as nothing; neither changes any
 * other stored state. Thread-safe.
 */
public final class ThirdPartyTokenGrantStrategy implements GrantStrategy {
    /** The request parameter holding the nonce the caller expects in the token. */
    public static final String NONCE = "nonce";

    private final GrantType grantType;
    private final ThirdPartyTokenVerifier verifier;
    private final AccountLinker linker;
    private final AccountLinkingPolicy policy;
    private final AuthenticationThrottle throttle;
    private final ScopePolicy scopes = new ScopePolicy();

    /**
     * @param grantType the {@code grant_type} this strategy answers, e.g. {@code GrantType.of("google")}
     * @param verifier  the verifier of that provider's tokens
     * @param linker    finds and creates the local users
     * @param policy    whether a first sign-in creates a local user, for this provider
     * @param throttle  slows down clients whose tokens are refused
     */
    public ThirdPartyTokenGrantStrategy(GrantType grantType, ThirdPartyTokenVerifier verifier, AccountLinker linker,
            AccountLinkingPolicy policy, AuthenticationThrottle throttle) {
        this.grantType = Objects.requireNonNull(grantType, "grantType");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.linker = Objects.requireNonNull(linker, "linker");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    @Override
    public GrantType grantType() {
        return grantType;
    }

    @Override
    public Grant grant(Client client, TokenRequest request) {
        String token = request.parameter(TokenRequest.TOKEN)
                .orElseThrow(() -> OAuthException.invalidRequest("token is required"));
        // Check the scope first: a refused scope must not cost a call to the provider.
        Scope scope = scopes.resolve(client, request);
        AuthenticationThrottle.Attempt attempt = throttle.admit(ThrottleKey.thirdParty(client.clientId(), grantType));
        ThirdPartyIdentity identity = verify(
                new ThirdPartyToken(token, request.parameter(NONCE).orElse(null)), attempt);
        attempt.succeeded();
        ResourceOwner owner = linker.signIn(identity, policy);
        return Grant.forUser(grantType, owner.username(), scope);
    }

    private ThirdPartyIdentity verify(ThirdPartyToken token, AuthenticationThrottle.Attempt attempt) {
        try {
            return verifier.verify(token);
        } catch (ThirdPartyTokenException e) {
            boolean rejected = e.reason() == ThirdPartyTokenException.Reason.REJECTED;
            if (rejected) {
                attempt.failed();
            }
            OAuthError error = rejected ? OAuthError.INVALID_GRANT : OAuthError.TEMPORARILY_UNAVAILABLE;
            throw new OAuthException(error, e.description(), e);
        }
    }

    @Override
    public String toString() {
        return "ThirdPartyTokenGrantStrategy[" + grantType + ", " + policy + "]";
    }
}
