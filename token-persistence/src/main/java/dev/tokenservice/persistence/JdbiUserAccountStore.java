package dev.tokenservice.persistence;

import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.persistence.internal.Dialect;
import dev.tokenservice.persistence.internal.Storage;
import dev.tokenservice.persistence.internal.UserRows;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link UserAccountStore} on the {@code users} table: the stored user directory behind
 * {@code StoredUserDirectory} (RFC 6749 §4.3). Passwords are stored only as their hashes; authorities as sorted
 * space-separated text. Usernames match exactly. Saving is one atomic insert-or-replace. Failures of the
 * database surface as {@link StorageException}. Thread-safe.
 */
public final class JdbiUserAccountStore implements UserAccountStore {
    private final Jdbi jdbi;
    private final DurableWrites writes;

    /**
     * A store on {@code jdbi} whose writes return only after {@code barrier} (see {@link Database#userAccountStore}, which
     * passes the database's own).
     * Fails with {@link IllegalArgumentException} when {@code barrier} is {@link DurabilityBarrier#NONE} and
     * {@code jdbi} is on an H2 file database, whose commit alone is not durable.
     */
    public JdbiUserAccountStore(Jdbi jdbi, DurabilityBarrier barrier) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.writes = new DurableWrites(jdbi, barrier, "JdbiUserAccountStore");
    }

    @Override
    public Optional<UserAccount> findByUsername(Username username) {
        Objects.requireNonNull(username, "username");
        return Storage.call("find a user", () -> jdbi.withHandle(handle -> handle
                .createQuery(UserRows.FIND)
                .bind("username", username.value())
                .map(UserRows.MAPPER)
                .findOne()));
    }

    @Override
    public void save(UserAccount account) {
        Objects.requireNonNull(account, "account");
        writes.write("save a user", handle -> {
            String upsert = Dialect.of(handle).upsert(UserRows.TABLE, UserRows.KEY, UserRows.COLUMNS);
            UserRows.bind(handle.createUpdate(upsert), account).execute();
        });
    }

    @Override
    public boolean delete(Username username) {
        Objects.requireNonNull(username, "username");
        return writes.update("delete a user", handle -> handle
                .createUpdate(UserRows.DELETE)
                .bind("username", username.value())
                .execute() > 0);
    }

    @Override
    public String toString() {
        return "JdbiUserAccountStore";
    }
}
