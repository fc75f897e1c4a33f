package dev.tokenservice.core.auth;

import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.core.port.UserDirectory;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link UserDirectory} over stored accounts with hashed passwords. An unknown user, and a user without a password
 * ({@link SecretHash#NONE}), cost one hash check against a dummy hash made by the same hasher, so timing does not
 * reveal which usernames exist or which accounts have no password; neither ever authenticates.
 *
 * <p>The dummy hash is made by the first authentication, not by the constructor: with a slow password hasher
 * (PBKDF2) it costs a large part of a second, which a server would otherwise spend before it can answer anything.
 * Every authentication takes the dummy hash first, whether the user exists or not, so the first call's extra cost
 * says nothing about the username either. Thread-safe.
 */
public final class StoredUserDirectory implements UserDirectory {
    private final UserAccountStore accounts;
    private final SecretHasher hasher;
    private final Object dummyLock = new Object();
    /** Made once, by the first authentication. */
    private volatile SecretHash dummyHash;

    public StoredUserDirectory(UserAccountStore accounts, SecretHasher hasher) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    @Override
    public Optional<ResourceOwner> authenticate(Username username, Password password) {
        SecretHash dummy = dummyHash();
        Optional<UserAccount> account = accounts.findByUsername(username).filter(UserAccount::hasPassword);
        SecretHash expected = account.map(UserAccount::passwordHash).orElse(dummy);
        boolean matches = hasher.verify(password.value(), expected);
        return matches ? account.map(UserAccount::owner) : Optional.empty();
    }

    private SecretHash dummyHash() {
        SecretHash hash = dummyHash;
        if (hash == null) {
            synchronized (dummyLock) {
                hash = dummyHash;
                if (hash == null) {
                    hash = hasher.hash(SecureRandomTokenValueGenerator.newClientSecret());
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }

    @Override
    public Optional<ResourceOwner> findByUsername(Username username) {
        return accounts.findByUsername(username).map(UserAccount::owner);
    }
}
