package dev.tokenservice.bench;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the durable ceiling: every writer appends its record, then calls {@link #awaitDurable()}, which
 * returns once a force that started after that append has finished. One waiting writer runs the force for all the
 * writers that appended before it started; a writer that appends while a force runs waits for the next one, which
 * one of the writers waiting for it runs as soon as the running one is done. One thread at a time forces; nothing
 * sleeps or runs on a timer. This is the hand-off of the server's H2 group commit
 * ({@code dev.tokenservice.persistence.internal.H2GroupCommit}) without its periodic flush: here every force has a
 * writer waiting for it. Thread-safe.
 */
final class GroupCommit {
    /** Makes everything appended so far durable ({@code FileChannel.force(false)}). Called by one thread at a time. */
    @FunctionalInterface
    interface Force {
        void force() throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition forced = lock.newCondition();
    private final Force force;
    /** The force that will serve whoever appends now: one that has not started yet. */
    private Round next = new Round();
    private boolean forcing;

    GroupCommit(Force force) {
        this.force = Objects.requireNonNull(force, "force");
    }

    /**
     * Returns once everything appended before this call is durable: joins the next force, or runs it when no force is
     * running. Throws when that force failed.
     */
    void awaitDurable() throws IOException {
        await(join());
    }

    /** The force that serves a writer who appended before this call: never the one running now, but the next one. */
    Round join() {
        lock.lock();
        try {
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once {@code round} is done, running its force when no force is running; throws when it failed. */
    void await(Round round) throws IOException {
        lock.lock();
        try {
            while (!round.done) {
                if (forcing) {
                    forced.awaitUninterruptibly();
                } else {
                    // Neither done nor running, so not started: it is still the next round.
                    lead(round);
                }
            }
            if (round.failure != null) {
                throw new IOException("the force that was to make this record durable failed", round.failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs the force of {@code round} without holding the lock; called with the lock held, returns with it held. */
    private void lead(Round round) {
        forcing = true;
        // Whoever appends from now on may have appended after the force started: they wait for the next one.
        next = new Round();
        // Stays set unless the force returns normally: no writer may take an unfinished force for a success.
        Throwable failure = new IllegalStateException("the force did not finish");
        lock.unlock();
        try {
            force.force();
            failure = null;
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            forcing = false;
            round.done = true;
            round.failure = failure;
            forced.signalAll();
        }
    }

    /** One force and the writers it serves. Guarded by the lock. */
    static final class Round {
        private boolean done;
        private Throwable failure;
    }
}
