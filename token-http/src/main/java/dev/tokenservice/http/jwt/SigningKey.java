package dev.tokenservice.http.jwt;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Objects;

/**
 * A key of the ring and its schedule. It is published from the moment it joins the ring, signs from
 * {@code signsFrom} until a newer key takes over, and stays published until it is superseded and
 * {@code coversUntil} has passed: the latest expiry it may have signed. The signer raises {@code coversUntil}, and
 * has it saved, before it signs a token that expires later; so a restart never forgets a token a key signed.
 *
 * @param jwk         the private key, with its key id and algorithm
 * @param signsFrom   when it starts signing
 * @param coversUntil no token it signed expires after this instant
 */
public record SigningKey(JWK jwk, Instant signsFrom, Instant coversUntil) {
    public SigningKey {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(signsFrom, "signsFrom");
        Objects.requireNonNull(coversUntil, "coversUntil");
        if (jwk.getKeyID() == null || jwk.getKeyID().isBlank()) {
            throw new IllegalArgumentException("a signing key needs a key id (kid)");
        }
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("signing key " + jwk.getKeyID() + " has no private part");
        }
        if (!SigningAlgorithm.of(jwk).fits(jwk)) {
            throw new IllegalArgumentException("signing key " + jwk.getKeyID() + " does not fit its alg");
        }
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.of(jwk);
    }

    /** This key covering tokens that expire up to {@code until} too. */
    SigningKey coveringUntil(Instant until) {
        return until.isAfter(coversUntil) ? new SigningKey(jwk, signsFrom, until) : this;
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + ", " + algorithm() + ", signs from " + signsFrom + ", covers until "
                + coversUntil + "]";
    }
}
