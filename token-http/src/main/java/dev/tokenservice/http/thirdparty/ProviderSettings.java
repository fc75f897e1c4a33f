package dev.tokenservice.http.thirdparty;

import dev.tokenservice.core.policy.AccountLinkingPolicy;
import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.time.Clock;

/** An identity provider a social grant accepts tokens of: an OpenID Connect provider (Google included) or Facebook. */
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
}
