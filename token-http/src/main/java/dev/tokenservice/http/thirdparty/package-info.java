/**
 * Verifiers of third-party tokens for the social grants: OpenID Connect ID tokens (Google and any other provider),
 * checked against the provider's JWK set fetched over HTTP, and Facebook user access tokens, checked with the Graph
 * API. Their settings, and the bounded HTTP client they share. Knows no servlet, storage or container wiring.
 */
package dev.tokenservice.http.thirdparty;
