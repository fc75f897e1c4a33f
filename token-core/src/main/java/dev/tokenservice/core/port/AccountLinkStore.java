package dev.tokenservice.core.port;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.Username;
import java.util.List;
import java.util.Optional;

/**
 * Links from accounts at identity providers to local users. Provider names and subjects match exactly (no case
 * folding). Implementations must be thread-safe.
 */
public interface AccountLinkStore {

    /** The link of this third-party account, or empty when it is linked to nobody. */
    Optional<AccountLink> find(ThirdPartySubject thirdPartySubject);

    /**
     * Stores {@code link} unless its third-party account is linked already, in which case the existing link is kept
     * unchanged. Atomic: when several callers link one third-party account at once, exactly one gets {@code true} and
     * every later {@link #find} returns that caller's link.
     *
     * @return true when this call made the link
     */
    boolean link(AccountLink link);

    /** Every link of a local user, ordered by provider then subject; empty when there is none. */
    List<AccountLink> findByUsername(Username username);

    /** Removes the link of this third-party account; returns false when there was none. */
    boolean unlink(ThirdPartySubject thirdPartySubject);

    /** Removes every link of a local user (e.g. when the user is deleted); returns how many there were. */
    int unlinkAll(Username username);
}
