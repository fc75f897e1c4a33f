package dev.tokenservice.core;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.AccountLinkStore;
import java.util.List;
import java.util.Objects;

/**
 * Administration of the links from accounts at identity providers to local users (the third-party grants): list a
 * user's links, remove one. Every operation takes an {@link Administrator}, which only
 * {@link TokenAdministration#authorize} hands out, so no caller reaches them without a live access token holding
 * {@link Authority#TOKENS_ADMIN}. Unlinking leaves the user's tokens alone: they were issued to the user, who stays.
 * Thread-safe.
 */
public final class AccountLinkAdministration {
    private final AccountLinkStore links;

    public AccountLinkAdministration(AccountLinkStore links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    /** Every link of the user, ordered by provider then subject; empty when there is none. */
    public List<AccountLink> list(Administrator administrator, Username username) {
        Objects.requireNonNull(administrator, "administrator");
        return links.findByUsername(username);
    }

    /**
     * Removes the link of this third-party account when it is the user's; the next sign-in with it links anew (or
     * creates a user), as the server's linking policy decides.
     *
     * @return false when the user has no such link (nothing is removed then)
     */
    public boolean unlink(Administrator administrator, Username username, ThirdPartySubject thirdPartySubject) {
        Objects.requireNonNull(administrator, "administrator");
        boolean theirs = links.find(thirdPartySubject).filter(link -> link.username().equals(username)).isPresent();
        return theirs && links.unlink(thirdPartySubject);
    }
}
