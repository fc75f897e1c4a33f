package dev.tokenservice.http.launcher;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value computed on a daemon thread of its own, so that a start does two things at once on a multi-core machine;
 * {@link #join()} returns it, or throws what the computation threw. One owner.
 *
 * @param <T> the value's type
 */
final class BackgroundTask<T> {
    private final FutureTask<T> task;

    private BackgroundTask(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts computing {@code work} on a new daemon thread named {@code threadName}. */
    static <T> BackgroundTask<T> start(String threadName, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return new BackgroundTask<>(task);
    }

    /** A value there is nothing to compute for: no thread is started, and {@link #join()} returns it at once. */
    static <T> BackgroundTask<T> done(T value) {
        FutureTask<T> task = new FutureTask<>(() -> value);
        task.run();
        return new BackgroundTask<>(task);
    }

    /** Waits for the value; throws the computation's unchecked exception or error as it was thrown. */
    T join() {
        return await(task);
    }

    /** Waits for {@code future}; throws its unchecked exception or error as it was thrown. */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a start-up task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a start-up task", e);
        }
    }
}
