/**
 * JWT access tokens (RFC 9068) on nimbus-jose-jwt: the signer behind the core's
 * {@link dev.tokenservice.core.port.AccessTokenSigner} port, the rotating ring of signing keys, the JWK set endpoint
 * that publishes them ({@code /.well-known/jwks.json}) and the administrator's rotation call.
 */
@NullMarked
package dev.tokenservice.http.jwt;

import org.jspecify.annotations.NullMarked;
