package dev.tokenservice.core.port;

import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.Username;
import java.util.Optional;

/**
 * Checks resource owners' credentials (RFC 6749 §4.3). An embedding service may answer from its own user store;
 * {@code StoredUserDirectory} answers from a {@link UserAccountStore}. Implementations must be thread-safe.
 */
public interface UserDirectory {

    /**
     * The owner when the password is right; empty when the user is unknown or the password wrong. Both failures
     * must cost the same time, so a caller cannot learn which usernames exist.
     */
    Optional<ResourceOwner> authenticate(Username username, Password password);

    /** The owner, whether or not a password could be checked; empty when the user no longer exists. */
    Optional<ResourceOwner> findByUsername(Username username);
}
