package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * Decides how an account at an identity provider becomes a local user, per provider: whether a first sign-in creates
 * a local user, under which name, and with which authorities. A local user is only ever found through its link to the
 * provider's account, never by e-mail address: a provider that lets someone claim an address would otherwise hand
 * them the local account that has it. Does no I/O. Immutable, thread-safe.
 */
public final class AccountLinkingPolicy {
    /** The longest name a stored user may have. */
    static final int MAX_USERNAME_LENGTH = 255;

    private final boolean createsUsers;
    private final Set<Authority> newUserAuthorities;

    private AccountLinkingPolicy(boolean createsUsers, Set<Authority> newUserAuthorities) {
        this.createsUsers = createsUsers;
        this.newUserAuthorities = Set.copyOf(newUserAuthorities);
    }

    /** Only third-party accounts linked already sign in; an unknown one is refused with {@code invalid_grant}. */
    public static AccountLinkingPolicy existingLinksOnly() {
        return new AccountLinkingPolicy(false, Set.of());
    }

    /** An third-party account signing in for the first time gets a new local user without a password. */
    public static AccountLinkingPolicy createUsersOnFirstSignIn() {
        return new AccountLinkingPolicy(true, Set.of());
    }

    /** This policy giving new users {@code authorities}. */
    public AccountLinkingPolicy withNewUserAuthorities(Set<Authority> authorities) {
        return new AccountLinkingPolicy(createsUsers, Objects.requireNonNull(authorities, "authorities"));
    }

    /** Whether the first sign-in of an unlinked third-party account creates a local user. */
    public boolean createsUsers() {
        return createsUsers;
    }

    /**
     * The name of the local user created for {@code thirdPartySubject}: {@code <provider>:<subject>}, e.g.
     * {@code google:110169484474386276334}. Stable, so two concurrent first sign-ins agree on it. A name that would be
     * longer than a stored user name may be takes the base64url SHA-256 of the subject instead.
     */
    public Username usernameFor(ThirdPartySubject thirdPartySubject) {
        String readable = thirdPartySubject.provider() + ":" + thirdPartySubject.subject();
        if (readable.length() <= MAX_USERNAME_LENGTH) {
            return Username.of(readable);
        }
        return Username.of(thirdPartySubject.provider() + ":" + sha256(thirdPartySubject.subject()));
    }

    /** The account created for a first sign-in: no password, this policy's authorities. */
    public UserAccount newAccount(Username username) {
        return UserAccount.withoutPassword(username, newUserAuthorities);
    }

    @Override
    public String toString() {
        return "AccountLinkingPolicy[createsUsers=" + createsUsers + ", newUserAuthorities=" + newUserAuthorities + "]";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
