package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.port.StorageException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: every writer calls {@link #awaitDurable()} after its write; one of them runs the flush for all the
 * writers that wrote before that flush started, and they all return when it is done. Under load one flush serves many
 * writers, so durability costs some latency rather than one disk write per write.
 *
 * <p>The flush of an H2 file database is an {@link H2Checkpoint}, which also runs every
 * {@link H2Checkpoint#SYNC_PERIOD} on a thread of its own; the token journal and the durable ceiling of the
 * benchmarks use a group commit whose flush forces a file. Thread-safe; {@link #close()} once, after the last write.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private final Flush flush;
    private final @Nullable ScheduledExecutorService periodic;
    /** The flush that will serve whoever commits now: one that has not started yet. */
    private Round next = new Round();
    private boolean flushing;
    private boolean closed;

    /** Writes everything committed so far to disk. Called by one thread at a time; closed after the last call. */
    @FunctionalInterface
    public interface Flush extends AutoCloseable {
        void flush() throws Exception;

        @Override
        default void close() {
        }
    }

    /**
     * A group commit that runs {@code flush} for each round, and every {@code syncPeriod} on its own unless that is
     * {@code null}. Checks once that a flush works.
     */
    public GroupCommit(Flush flush, @Nullable Duration syncPeriod) {
        this.flush = flush;
        awaitDurable();
        if (syncPeriod == null) {
            periodic = null;
            return;
        }
        periodic = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "token-db-sync");
            thread.setDaemon(true);
            return thread;
        });
        periodic.scheduleWithFixedDelay(this::syncPeriodically, syncPeriod.toMillis(), syncPeriod.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Returns once everything committed before this call is on disk. Joins the next flush, or runs it when none is
     * running; fails with {@link StorageException} when that flush failed.
     */
    public void awaitDurable() {
        await(join());
    }

    /**
     * The flush that will serve a writer who committed before this call: never the one running now, which may have
     * started before the commit, but the next one.
     */
    Round join() {
        lock.lock();
        try {
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once {@code round} is done, running it when no flush is running; throws when it failed. */
    void await(Round round) {
        lock.lock();
        try {
            while (!round.done) {
                if (flushing) {
                    flushed.awaitUninterruptibly();
                } else {
                    // Neither done nor running, so not started: it is still the next round.
                    lead(round);
                }
            }
            if (round.failure != null) {
                throw new StorageException("could not write the committed changes to disk", round.failure);
            }
        } finally {
            lock.unlock();
        }
    }

    private void syncPeriodically() {
        try {
            awaitDurable();
        } catch (StorageException e) {
            if (!isClosed()) { // after close() every flush fails, and says nothing new
                LOG.warn("the periodic flush failed; the next flush tries again", e);
            }
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Runs the flush that serves {@code round} (and every writer waiting on it) without holding the lock. */
    private void lead(Round round) {
        flushing = true;
        // Whoever commits from now on may have committed after the flush started: they wait for the next one.
        next = new Round();
        if (closed) {
            finish(round, new IllegalStateException("the database is closed"));
            return;
        }
        // Stays set unless the flush returns normally: no writer may take an unfinished flush for a success.
        Throwable failure = new IllegalStateException("the flush did not finish");
        lock.unlock();
        try {
            flush.flush();
            failure = null;
        } catch (Exception e) {
            failure = e;
        } finally {
            lock.lock();
            finish(round, failure);
        }
    }

    private void finish(Round round, Throwable failure) {
        flushing = false;
        round.done = true;
        round.failure = failure;
        flushed.signalAll();
    }

    /** Stops the periodic flush and closes the flush; later writes fail rather than return without being flushed. */
    @Override
    public void close() {
        // No interrupt: H2 closes its file when a thread is interrupted in the middle of a write.
        if (periodic != null) {
            periodic.shutdown();
        }
        lock.lock();
        try {
            while (flushing) {
                flushed.awaitUninterruptibly();
            }
            closed = true;
            flush.close();
        } finally {
            lock.unlock();
        }
    }

    /** One flush and the writers it serves. Guarded by the lock. */
    static final class Round {
        private boolean done;
        private Throwable failure;
    }
}
