package dev.tokenservice.core.port;

import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartyToken;

/**
 * Verifies a token another party issued (a Google ID token, a Facebook user access token, any OpenID Connect ID
 * token) and says whose account it speaks for. One verifier serves one provider and names it in every identity it
 * returns. Adapters live outside the core (they talk HTTP to the provider); the testkit has an in-memory one.
 * Implementations must be thread-safe.
 */
public interface ThirdPartyTokenVerifier {

    /**
     * The identity the token proves, once its signature (or the provider's own answer), issuer, audience, expiry and,
     * when {@link ThirdPartyToken#expectedNonce()} is present, nonce are all checked.
     *
     * @throws ThirdPartyTokenException {@link ThirdPartyTokenException.Reason#REJECTED} when the token is not valid
     *                                  for us (forged, expired, meant for another application...),
     *                                  {@link ThirdPartyTokenException.Reason#UNAVAILABLE} when the provider could
     *                                  not be asked (down, slow, answering nonsense)
     */
    ThirdPartyIdentity verify(ThirdPartyToken token);
}
