package dev.tokenservice.persistence;

import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.persistence.internal.Dialect;
import dev.tokenservice.persistence.internal.JournaledBarrier;
import dev.tokenservice.persistence.internal.Storage;
import dev.tokenservice.persistence.internal.TokenJournal;
import dev.tokenservice.persistence.internal.TokenWrite;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The write path of the adapters: a transaction on the {@link Jdbi}, then the {@link DurabilityBarrier}, so that a
 * write returns only once it would survive a crash. Built with {@link DurabilityBarrier#NONE}, it checks that the
 * database's commit is durable by itself, and refuses an H2 file database. When the barrier is the one of a
 * {@link Database} on an H2 file, token writes go through its {@link TokenJournal} instead: the commit and a record
 * of the change, then a force of the journal rather than a flush of the database. Thread-safe.
 */
final class DurableWrites {
    private final Jdbi jdbi;
    private final DurabilityBarrier barrier;
    private final @Nullable TokenJournal journal;

    /**
     * Writes on {@code jdbi} that wait at {@code barrier}. Fails with {@link IllegalArgumentException} when
     * {@code barrier} is {@link DurabilityBarrier#NONE} and {@code jdbi} is on an H2 file database (or on a database
     * this module does not support), and with {@link StorageException} when that check cannot reach the database.
     *
     * @param adapter the adapter's name, for the message
     */
    DurableWrites(Jdbi jdbi, DurabilityBarrier barrier, String adapter) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.barrier = Objects.requireNonNull(barrier, "barrier");
        this.journal = barrier instanceof JournaledBarrier journaled ? journaled.tokenJournal() : null;
        if (barrier == DurabilityBarrier.NONE) {
            requireDurableCommit(jdbi, adapter);
        }
    }

    private static void requireDurableCommit(Jdbi jdbi, String adapter) {
        String url = Storage.call("read the URL of the database", () -> jdbi.withHandle(Dialect::url));
        if (Dialect.of(url).needsFlushAfterCommit(url)) {
            throw new IllegalArgumentException(adapter + " is on an H2 file database, whose commit reaches only"
                    + " memory: pass the barrier of the Database that opened it (Database.durabilityBarrier()),"
                    + " not DurabilityBarrier.NONE, or a crash could lose writes that were already answered");
        }
    }

    /**
     * Runs {@code transaction} in one transaction, then waits at the barrier. Failures become a
     * {@link StorageException} saying what could not be done.
     */
    void write(String operation, HandleConsumer<RuntimeException> transaction) {
        update(operation, handle -> {
            transaction.useHandle(handle);
            return null;
        });
    }

    /** As {@link #write}, for a transaction with a result (rows changed, whether it applied). */
    <T> T update(String operation, HandleCallback<T, RuntimeException> transaction) {
        T result = Storage.call(operation, () -> jdbi.inTransaction(transaction));
        barrier.awaitDurable();
        return result;
    }

    /**
     * As {@link #update}, for a change to the token tables: {@code change} says what the transaction changed, or
     * {@code null} when it changed nothing. With a token journal, the commit and the journal record are one step (so
     * the records follow the order of the commits), and the write waits for the journal, not for the database.
     */
    <T> T update(String operation, HandleCallback<T, RuntimeException> transaction,
            Function<T, @Nullable TokenWrite> change) {
        if (journal == null) {
            return update(operation, transaction);
        }
        boolean[] journaled = {false};
        T result = Storage.call(operation, () -> jdbi.withHandle(handle -> {
            handle.begin();
            try {
                T value = transaction.withHandle(handle);
                TokenWrite write = change.apply(value);
                if (write == null) {
                    handle.commit();
                } else {
                    journal.commit(handle::commit, write);
                    journaled[0] = true;
                }
                return value;
            } catch (RuntimeException e) {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
                throw e;
            }
        }));
        if (journaled[0]) {
            journal.awaitDurable();
        }
        return result;
    }

    /** Waits at the barrier, after a write that committed on its own (autocommit). */
    void awaitDurable() {
        barrier.awaitDurable();
    }
}
