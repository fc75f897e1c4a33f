package dev.tokenservice.persistence;

import dev.tokenservice.core.port.StorageException;

/**
 * What a write waits for after its transaction committed and before the adapter returns: until everything committed
 * so far is durable, so that a write that returned survives a crash of the process ({@code kill -9}, a power cut).
 * Every adapter that writes takes one in its constructor.
 *
 * <p>PostgreSQL's commit is durable by itself (with its default {@code synchronous_commit = on}), and an H2 in-memory
 * database has no disk to reach: both take {@link #NONE}. H2 keeps a commit in memory and writes it to the file
 * later, so an H2 file database needs the barrier of the {@link Database} that opened it
 * ({@link Database#durabilityBarrier()}), which flushes the file; given that barrier, the token store writes through
 * the database's token journal instead. An adapter given {@link #NONE} on an H2 file database fails when it is
 * built, rather than answer writes a crash could lose.
 *
 * <p>Implementations must be thread-safe: every writer calls {@link #awaitDurable()} concurrently.
 */
@FunctionalInterface
public interface DurabilityBarrier {
    /** The barrier of a database whose commit is durable by itself (PostgreSQL, H2 in memory): returns at once. */
    DurabilityBarrier NONE = new DurabilityBarrier() {
        @Override
        public void awaitDurable() {
        }

        @Override
        public String toString() {
            return "DurabilityBarrier.NONE";
        }
    };

    /**
     * Returns once every change committed before this call, by any thread, is durable. Fails with
     * {@link StorageException} when that cannot be ensured (the flush failed, the database is closed): the caller's
     * write then counts as failed, although it may be found after a restart.
     */
    void awaitDurable();
}
