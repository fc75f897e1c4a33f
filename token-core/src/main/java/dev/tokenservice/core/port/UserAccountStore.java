package dev.tokenservice.core.port;

import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import java.util.Optional;

/** Stored user accounts with their password hashes. Implementations must be thread-safe. */
public interface UserAccountStore {

    /** The account with this exact username, or empty. */
    Optional<UserAccount> findByUsername(Username username);

    /** Stores the account, replacing any account with the same username. */
    void save(UserAccount account);

    /** Removes the account; returns false when there was none. */
    boolean delete(Username username);
}
