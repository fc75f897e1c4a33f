package dev.tokenservice.persistence;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.persistence.internal.AccountLinkRows;
import dev.tokenservice.persistence.internal.Storage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link AccountLinkStore} on the {@code account_links} table, keyed by provider and subject. Linking is one
 * {@code INSERT}: the primary key lets exactly one of several concurrent links of an third-party account in, and the
 * others learn it from the key violation. Failures of the database surface as {@link StorageException}. Thread-safe.
 */
public final class JdbiAccountLinkStore implements AccountLinkStore {
    private final Jdbi jdbi;
    private final DurableWrites writes;

    /**
     * A store on {@code jdbi} whose writes return only after {@code barrier} (see {@link Database#accountLinkStore}, which
     * passes the database's own).
     * Fails with {@link IllegalArgumentException} when {@code barrier} is {@link DurabilityBarrier#NONE} and
     * {@code jdbi} is on an H2 file database, whose commit alone is not durable.
     */
    public JdbiAccountLinkStore(Jdbi jdbi, DurabilityBarrier barrier) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.writes = new DurableWrites(jdbi, barrier, "JdbiAccountLinkStore");
    }

    @Override
    public Optional<AccountLink> find(ThirdPartySubject thirdPartySubject) {
        Objects.requireNonNull(thirdPartySubject, "thirdPartySubject");
        return Storage.call("find an account link", () -> jdbi.withHandle(handle -> AccountLinkRows
                .bindKey(handle.createQuery(AccountLinkRows.FIND), thirdPartySubject)
                .map(AccountLinkRows.MAPPER)
                .findOne()));
    }

    @Override
    public boolean link(AccountLink link) {
        Objects.requireNonNull(link, "link");
        try {
            // Autocommit: on PostgreSQL a failed statement would spoil an enclosing transaction.
            jdbi.useHandle(handle -> AccountLinkRows.bind(handle.createUpdate(AccountLinkRows.INSERT), link).execute());
        } catch (JdbiException e) {
            if (Storage.isUniqueViolation(e)) {
                return false;
            }
            throw new StorageException("could not link an account", e);
        }
        writes.awaitDurable();
        return true;
    }

    @Override
    public List<AccountLink> findByUsername(Username username) {
        Objects.requireNonNull(username, "username");
        return Storage.call("find the account links of a user", () -> jdbi.withHandle(handle -> handle
                .createQuery(AccountLinkRows.FIND_BY_USERNAME)
                .bind("username", username.value())
                .map(AccountLinkRows.MAPPER)
                .list()));
    }

    @Override
    public boolean unlink(ThirdPartySubject thirdPartySubject) {
        Objects.requireNonNull(thirdPartySubject, "thirdPartySubject");
        return writes.update("unlink an account", handle -> AccountLinkRows
                .bindKey(handle.createUpdate(AccountLinkRows.DELETE), thirdPartySubject)
                .execute()) > 0;
    }

    @Override
    public int unlinkAll(Username username) {
        Objects.requireNonNull(username, "username");
        return writes.update("unlink the accounts of a user", handle -> handle
                .createUpdate(AccountLinkRows.DELETE_BY_USERNAME)
                .bind("username", username.value())
                .execute());
    }

    @Override
    public String toString() {
        return "JdbiAccountLinkStore";
    }
}
