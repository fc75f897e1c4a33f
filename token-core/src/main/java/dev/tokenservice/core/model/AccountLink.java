package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A link from an account at an identity provider to the local user it signs in as. One third-party account links to
 * at most one local user; a local user may be linked to several third-party accounts (one at Google, one at
 * Facebook...).
 *
 * @param thirdPartySubject the provider's account
 * @param username          the local user
 * @param linkedAt          when the link was made
 */
public record AccountLink(ThirdPartySubject thirdPartySubject, Username username, Instant linkedAt) {
    public AccountLink {
        Objects.requireNonNull(thirdPartySubject, "thirdPartySubject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
