package dev.tokenservice.http.json;

import dev.tokenservice.core.model.AccountLink;
import java.util.List;

/** A link from an account at an identity provider to a local user; {@code linked_at} in seconds since the epoch. */
public record AccountLinkJson(String provider, String subject, String username, long linkedAt) {

    public static AccountLinkJson from(AccountLink link) {
        return new AccountLinkJson(link.thirdPartySubject().provider(), link.thirdPartySubject().subject(),
                link.username().value(), link.linkedAt().getEpochSecond());
    }

    /** Every link of a user. */
    public record Links(List<AccountLinkJson> links) {
        public Links {
            links = List.copyOf(links);
        }

        public static Links from(List<AccountLink> links) {
            return new Links(links.stream().map(AccountLinkJson::from).toList());
        }
    }
}
