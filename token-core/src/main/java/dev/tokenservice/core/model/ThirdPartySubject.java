package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * An account at an identity provider: the provider's name as configured here (e.g. {@code google},
 * {@code oidc:acme}) and the provider's stable, never reassigned identifier of the account (OpenID Connect Core
 * §2 {@code sub}; Facebook's app-scoped user id). The pair is what a local user is linked to: never an e-mail address,
 * which a provider may let change hands.
 *
 * @param provider the provider's name; 1 to 128 printable ASCII characters without spaces
 * @param subject  the account's identifier at the provider; 1 to 255 characters, no control characters
 */
public record ThirdPartySubject(String provider, String subject) {
    public static final int MAX_PROVIDER_LENGTH = 128;
    /** OpenID Connect Core §2: "It MUST NOT exceed 255 ASCII characters in length." */
    public static final int MAX_SUBJECT_LENGTH = 255;

    public ThirdPartySubject {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        if (provider.isEmpty() || provider.length() > MAX_PROVIDER_LENGTH
                || !provider.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("provider must be 1 to " + MAX_PROVIDER_LENGTH
                    + " printable ASCII characters without spaces");
        }
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH
                || subject.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("subject must be 1 to " + MAX_SUBJECT_LENGTH
                    + " characters without control characters");
        }
    }

    public static ThirdPartySubject of(String provider, String subject) {
        return new ThirdPartySubject(provider, subject);
    }

    @Override
    public String toString() {
        return provider + ":" + subject;
    }
}
