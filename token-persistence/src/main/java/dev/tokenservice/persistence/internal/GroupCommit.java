package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.port.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
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
 * <p>For H2, whose own commit only reaches memory ({@link #GroupCommit(ConnectionSource)}), the flush is
 * {@code CHECKPOINT SYNC} (write the changes to the file, then fsync it), run on a connection of its own outside the
 * pool, so a flush never waits for a pooled connection and a writer never holds one while it waits. That flush also
 * runs every {@link #SYNC_PERIOD} on a thread of its own, so that what H2 writes without a writer waiting (its
 * background writes, expired-token cleanup) is on disk within that period too: this is what makes
 * {@link #RETENTION_TIME_MILLIS} safe. The token journal uses a group commit whose flush forces its file.
 * Thread-safe; {@link #close()} once, after the last write.
 */
public final class GroupCommit implements AutoCloseable {
    /** The longest a change H2 wrote to its file stays without an fsync. */
    public static final Duration SYNC_PERIOD = Duration.ofSeconds(1);
    /**
     * How long H2 keeps the space of a chunk it no longer needs before reusing it, instead of its default 45 s. The
     * default guards against chunks that the operating system has not yet written; here every chunk is fsynced
     * within {@link #SYNC_PERIOD}. Under load H2 writes a chunk per flush, and the file holds about a retention
     * time's worth of them, so a shorter time keeps the file smaller.
     */
    public static final int RETENTION_TIME_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private final Flush flush;
    private final @Nullable ScheduledExecutorService periodic;
    /** The flush that will serve whoever commits now: one that has not started yet. */
    private Round next = new Round();
    private boolean flushing;
    private boolean closed;

    /** Opens the connection the flushes run on. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Writes everything committed so far to disk. Called by one thread at a time; closed after the last call. */
    @FunctionalInterface
    public interface Flush extends AutoCloseable {
        void flush() throws Exception;

        @Override
        default void close() {
        }
    }

    /** A group commit whose flushes run on a connection from {@code connections}; checks once that a flush works. */
    public GroupCommit(ConnectionSource connections) {
        this(new H2Checkpoint(connections), SYNC_PERIOD);
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
