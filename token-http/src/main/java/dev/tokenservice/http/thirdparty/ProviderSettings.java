package dev.tokenservice.http.thirdparty;

import dev.tokenservice.core.auth.AccountLinker;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.grant.ThirdPartyTokenGrantStrategy;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.policy.AccountLinkingPolicy;
import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.time.Clock;

/** A provider whose tokens a third-party grant accepts: an OpenID Connect provider (Google included) or Facebook. */
public sealed interface ProviderSettings permits OidcProviderSettings, FacebookSettings {

    /** The grant name, e.g. {@code google}; also the provider's name in account links. */
    String grantType();

    /** Whether a first sign-in creates a local user. */
    boolean createUsers();

    /** A verifier of this provider's tokens. */
    ThirdPartyTokenVerifier newVerifier(ProviderHttpClient http, Clock clock);

    /** The account-linking policy for this provider. */
    default AccountLinkingPolicy linkingPolicy() {
        return createUsers() ? AccountLinkingPolicy.createUsersOnFirstSignIn() : AccountLinkingPolicy.existingLinksOnly();
    }

    /**
     * The grant of this provider: its tokens checked by {@link #newVerifier}, their users signed in by {@code linker},
     * refused tokens counted by {@code throttle}.
     */
    default GrantStrategy newGrantStrategy(ProviderHttpClient http, Clock clock, AccountLinker linker,
            AuthenticationThrottle throttle) {
        return new ThirdPartyTokenGrantStrategy(GrantType.of(grantType()), newVerifier(http, clock), linker,
                linkingPolicy(), throttle);
    }
}
