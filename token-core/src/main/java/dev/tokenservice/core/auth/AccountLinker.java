package dev.tokenservice.core.auth;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.AccountLinkingPolicy;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.AccountLinked;
import dev.tokenservice.core.port.UserAccountStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the local user a verified third-party identity signs in as, through its {@link AccountLink}, and under a policy
 * that creates users, links a first sign-in to a new user without a password. Users are created in the
 * {@link UserAccountStore} behind the service's {@link StoredUserDirectory}.
 *
 * <p>Crash and race safety: the link is stored before the user, and the user's name follows from the third-party account
 * alone, so an interrupted first sign-in leaves a link whose user the next sign-in creates, and two concurrent first
 * sign-ins of one account agree on one link and one user. A name already taken by a user that no link of this account
 * explains is never taken over: the sign-in is refused. Thread-safe.
 */
public final class AccountLinker {
    private final AccountLinkStore links;
    private final UserAccountStore accounts;
    private final Clock clock;
    private final TokenEventListener events;

    public AccountLinker(AccountLinkStore links, UserAccountStore accounts, Clock clock, TokenEventListener events) {
        this.links = Objects.requireNonNull(links, "links");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * The local user {@code identity} signs in as.
     *
     * @throws OAuthException {@code invalid_grant} when no local user is linked and {@code policy} creates none, or
     *                        when the name a new user would get is taken
     */
    public ResourceOwner signIn(ThirdPartyIdentity identity, AccountLinkingPolicy policy) {
        ThirdPartySubject subject = identity.subject();
        Optional<AccountLink> existing = links.find(subject);
        if (existing.isPresent()) {
            return ownerOf(existing.get(), policy);
        }
        if (!policy.createsUsers()) {
            throw notLinked(subject);
        }
        Username username = policy.usernameFor(subject);
        if (accounts.findByUsername(username).isPresent()) {
            // Either a concurrent first sign-in of this account got here first (then its link is there now), or the
            // name belongs to a user this account must not take over.
            return links.find(subject).map(link -> ownerOf(link, policy)).orElseThrow(() -> nameTaken(subject));
        }
        AccountLink link = new AccountLink(subject, username, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!links.link(link)) {
            // Lost the race to a concurrent first sign-in of the same account: follow its link.
            return links.find(subject).map(winner -> ownerOf(winner, policy)).orElseThrow(() -> notLinked(subject));
        }
        ResourceOwner owner = createIfMissing(username, policy);
        events.accountLinked(new AccountLinked(subject, username));
        return owner;
    }

    private ResourceOwner ownerOf(AccountLink link, AccountLinkingPolicy policy) {
        Optional<UserAccount> account = accounts.findByUsername(link.username());
        if (account.isPresent()) {
            return account.get().owner();
        }
        // The link outlived its user: a first sign-in interrupted between link and user, or a deleted user.
        if (!policy.createsUsers()) {
            throw notLinked(link.thirdPartySubject());
        }
        return createIfMissing(link.username(), policy);
    }

    private ResourceOwner createIfMissing(Username username, AccountLinkingPolicy policy) {
        Optional<UserAccount> account = accounts.findByUsername(username);
        if (account.isPresent()) {
            return account.get().owner();
        }
        UserAccount created = policy.newAccount(username);
        accounts.save(created);
        return created.owner();
    }

    private static OAuthException notLinked(ThirdPartySubject subject) {
        return OAuthException.invalidGrant("no local user is linked to this " + subject.provider() + " account");
    }

    private static OAuthException nameTaken(ThirdPartySubject subject) {
        return OAuthException.invalidGrant("this " + subject.provider()
                + " account cannot be linked: the local user name it would get is taken");
    }
}
