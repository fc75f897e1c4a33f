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
 * reveal which usernames exist or which accounts have no password; neither ever authenticates. Thread-safe.
 */
public final class StoredUserDirectory implements UserDirectory {
    private final UserAccountStore accounts;
    private final SecretHasher hasher;
    private final SecretHash dummyHash;

    public StoredUserDirectory(UserAccountStore accounts, SecretHasher hasher) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.dummyHash = hasher.hash(SecureRandomTokenValueGenerator.newClientSecret());
    }

    @Override
    public Optional<ResourceOwner> authenticate(Username username, Password password) {
        Optional<UserAccount> account = accounts.findByUsername(username).filter(UserAccount::hasPassword);
        SecretHash expected = account.map(UserAccount::passwordHash).orElse(dummyHash);
        boolean matches = hasher.verify(password.value(), expected);
        return matches ? account.map(UserAccount::owner) : Optional.empty();
    }

    @Override
    public Optional<ResourceOwner> findByUsername(Username username) {
        return accounts.findByUsername(username).map(UserAccount::owner);
    }
}
