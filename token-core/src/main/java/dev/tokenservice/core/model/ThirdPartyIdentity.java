package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who a third-party token speaks for, as its provider vouched after verification: the account at the provider and
 * what the provider says about it. Only {@link #subject()} identifies the account; the e-mail address and the name
 * are informative and never used to find a local user.
 *
 * @param subject       the provider and the account's identifier there
 * @param verifiedEmail an e-mail address the provider has verified, or {@code null} when it has none or did not verify
 *                      it (OpenID Connect {@code email_verified})
 * @param displayName   the name the account shows, or {@code null}
 */
public record ThirdPartyIdentity(ThirdPartySubject subject, @Nullable String verifiedEmail, @Nullable String displayName) {
    public ThirdPartyIdentity {
        Objects.requireNonNull(subject, "subject");
        verifiedEmail = blankToNull(verifiedEmail);
        displayName = blankToNull(displayName);
    }

    /** An identity known only by its provider and subject. */
    public static ThirdPartyIdentity of(String provider, String subject) {
        return new ThirdPartyIdentity(ThirdPartySubject.of(provider, subject), null, null);
    }

    public String provider() {
        return subject.provider();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
