package dev.tokenservice.http.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenservice.core.model.AccessTokenClaims;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.AccessTokenSigner;
import java.util.Date;
import java.util.Objects;

/**
 * JWT access tokens (RFC 9068) signed with the ring's current key: header {@code typ: at+jwt}, {@code alg} and
 * {@code kid}; claims {@code iss}, {@code sub}, {@code aud}, {@code exp}, {@code iat}, {@code jti},
 * {@code client_id}, {@code scope} (space-separated, left out when empty) and {@value #ROLES_CLAIM}, the authorities
 * of the user (or of the client, for a client-only token) as a JSON array, left out when there are none (RFC 9068
 * §2.2.3.1). Thread-safe.
 */
public final class JwtAccessTokenSigner implements AccessTokenSigner {
    /** The claim that carries the authorities (RFC 9068 §2.2.3.1, after SCIM's {@code roles}, RFC 7643 §4.1.2). */
    public static final String ROLES_CLAIM = "roles";

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;

    /**
     * @param keys     the signing keys
     * @param issuer   the {@code iss} of every token: the server's issuer identifier (RFC 8414 §2)
     * @param audience the {@code aud} of every token: the resource servers' identifier
     */
    public JwtAccessTokenSigner(SigningKeys keys, String issuer, String audience) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    @Override
    public TokenValue sign(AccessTokenClaims claims) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.subject())
                .audience(audience)
                .expirationTime(Date.from(claims.expiresAt()))
                .issueTime(Date.from(claims.issuedAt()))
                .jwtID(claims.id().value())
                .claim("client_id", claims.clientId().value());
        if (!claims.scope().isEmpty()) {
            body.claim("scope", claims.scope().toString());
        }
        if (!claims.authorities().isEmpty()) {
            body.claim(ROLES_CLAIM, claims.authorities().stream().map(Authority::value).sorted().toList());
        }
        SigningKeys.Signing signing = keys.signingFor(claims.expiresAt());
        SignedJWT jwt = new SignedJWT(signing.header(), body.build());
        try {
            jwt.sign(signing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token with key " + signing.key().keyId(), e);
        }
        return TokenValue.of(jwt.serialize());
    }
}
