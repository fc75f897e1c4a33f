package dev.tokenservice.persistence;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.persistence.internal.ClientRows;
import dev.tokenservice.persistence.internal.Dialect;
import dev.tokenservice.persistence.internal.Storage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ClientStore} on the {@code clients} table (RFC 6749 §2). Secrets are stored only as their hashes;
 * grant types, scopes and authorities as sorted space-separated text, so names containing whitespace are rejected
 * with {@link IllegalArgumentException}. Saving is one atomic insert-or-replace; adding is one {@code INSERT}, whose
 * primary key lets exactly one of several concurrent adds of an id in; updating is one {@code UPDATE}. Failures of the database surface
 * as {@link StorageException}. Thread-safe.
 */
public final class JdbiClientStore implements ClientStore {
    private final Jdbi jdbi;
    private final DurableWrites writes;

    /**
     * A store on {@code jdbi} whose writes return only after {@code barrier} (see {@link Database#clientStore}, which
     * passes the database's own).
     * Fails with {@link IllegalArgumentException} when {@code barrier} is {@link DurabilityBarrier#NONE} and
     * {@code jdbi} is on an H2 file database, whose commit alone is not durable.
     */
    public JdbiClientStore(Jdbi jdbi, DurabilityBarrier barrier) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.writes = new DurableWrites(jdbi, barrier, "JdbiClientStore");
    }

    @Override
    public Optional<Client> findById(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return Storage.call("find a client", () -> jdbi.withHandle(handle -> handle
                .createQuery(ClientRows.FIND)
                .bind("client_id", clientId.value())
                .map(ClientRows.MAPPER)
                .findOne()));
    }

    @Override
    public void save(Client client) {
        Objects.requireNonNull(client, "client");
        writes.write("save a client", handle -> {
            String upsert = Dialect.of(handle).upsert(ClientRows.TABLE, ClientRows.KEY, ClientRows.COLUMNS);
            ClientRows.bind(handle.createUpdate(upsert), client).execute();
        });
    }

    @Override
    public boolean delete(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return writes.update("delete a client", handle -> handle
                .createUpdate(ClientRows.DELETE)
                .bind("client_id", clientId.value())
                .execute() > 0);
    }

    @Override
    public long count() {
        return Storage.call("count clients", () -> jdbi.withHandle(handle -> handle
                .createQuery(ClientRows.COUNT)
                .mapTo(Long.class)
                .one()));
    }

    @Override
    public boolean add(Client client) {
        Objects.requireNonNull(client, "client");
        try {
            // Autocommit: on PostgreSQL a failed statement would spoil an enclosing transaction.
            jdbi.useHandle(handle -> ClientRows.bind(handle.createUpdate(ClientRows.INSERT), client).execute());
        } catch (JdbiException e) {
            if (Storage.isUniqueViolation(e)) {
                return false;
            }
            throw new StorageException("could not add a client", e);
        }
        writes.awaitDurable();
        return true;
    }

    @Override
    public boolean update(Client client) {
        Objects.requireNonNull(client, "client");
        return writes.update("update a client", handle -> ClientRows.bind(handle.createUpdate(ClientRows.UPDATE), client)
                .execute() > 0);
    }

    @Override
    public List<Client> list(@Nullable ClientId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        return Storage.call("list clients", () -> jdbi.withHandle(handle -> {
            Query query = handle.createQuery(after == null ? ClientRows.LIST_FIRST : ClientRows.LIST_AFTER)
                    .bind("limit", limit);
            if (after != null) {
                query.bind("after", after.value());
            }
            return query.map(ClientRows.MAPPER).list();
        }));
    }

    @Override
    public String toString() {
        return "JdbiClientStore";
    }
}
