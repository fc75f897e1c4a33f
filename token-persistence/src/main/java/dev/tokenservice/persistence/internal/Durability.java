package dev.tokenservice.persistence.internal;

import org.jdbi.v3.core.config.JdbiConfig;

/**
 * What a write waits for after its transaction committed, before the adapter returns: nothing where the commit
 * itself is durable (PostgreSQL fsyncs its log at commit; an in-memory H2 has no disk), a shared flush of the file
 * for an H2 database ({@link H2GroupCommit}). Travels with the {@link org.jdbi.v3.core.Jdbi} that
 * {@code Database.open} builds, so every adapter on that Jdbi gets it without being told. Not API.
 */
public final class Durability implements JdbiConfig<Durability> {
    /** Waits until the caller's committed changes are on disk; {@link Runnable#run()} returns only then. */
    private Runnable barrier;

    public Durability() {
        this.barrier = () -> { };
    }

    private Durability(Durability other) {
        this.barrier = other.barrier;
    }

    /** Makes writes wait for {@code barrier} after they commit. */
    public Durability barrier(Runnable barrier) {
        this.barrier = barrier;
        return this;
    }

    /** Returns once every change the calling thread committed is durable; fails with a StorageException otherwise. */
    public void awaitDurable() {
        barrier.run();
    }

    @Override
    public Durability createCopy() {
        return new Durability(this);
    }
}
