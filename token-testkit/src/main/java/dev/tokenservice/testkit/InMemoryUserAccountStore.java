package dev.tokenservice.testkit;

import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.UserAccountStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link UserAccountStore} in a map. Thread-safe. */
public final class InMemoryUserAccountStore implements UserAccountStore {
    private final ConcurrentMap<Username, UserAccount> accounts = new ConcurrentHashMap<>();

    /** A store holding {@code initial}. */
    public static InMemoryUserAccountStore of(UserAccount... initial) {
        InMemoryUserAccountStore store = new InMemoryUserAccountStore();
        for (UserAccount account : initial) {
            store.save(account);
        }
        return store;
    }

    @Override
    public Optional<UserAccount> findByUsername(Username username) {
        return Optional.ofNullable(accounts.get(Objects.requireNonNull(username, "username")));
    }

    @Override
    public void save(UserAccount account) {
        accounts.put(account.username(), account);
    }

    @Override
    public boolean delete(Username username) {
        return accounts.remove(Objects.requireNonNull(username, "username")) != null;
    }
}
