/**
 * Outbound HTTP clients of the core port {@code ThirdPartyTokenVerifier}: verifiers of the tokens that providers issue
 * (OpenID Connect ID tokens against the provider's JWK set, Facebook user access tokens with the Graph API), the
 * providers' settings, and the bounded HTTP client they share.
 */
package dev.tokenservice.http.thirdparty;
