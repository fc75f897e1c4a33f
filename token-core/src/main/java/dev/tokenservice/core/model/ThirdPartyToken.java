package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A token that another party issued (the token endpoint's {@code token} parameter of a third-party grant, e.g. a Google ID
 * token or a Facebook user access token), with the {@code nonce} the caller says it asked that party to put into it.
 * {@link #toString()} never prints the token.
 *
 * @param value the token as the caller sent it
 * @param nonce the nonce the caller expects in the token (OpenID Connect Core §3.1.2.1), or {@code null} for none
 */
public record ThirdPartyToken(String value, @Nullable String nonce) {
    public ThirdPartyToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a third-party token must not be empty");
        }
        nonce = nonce == null || nonce.isEmpty() ? null : nonce;
    }

    public static ThirdPartyToken of(String value) {
        return new ThirdPartyToken(value, null);
    }

    @Override
    public String toString() {
        return "ThirdPartyToken[***" + (nonce == null ? "" : ", with nonce") + "]";
    }
}
