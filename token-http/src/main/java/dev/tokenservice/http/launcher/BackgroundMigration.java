package dev.tokenservice.http.launcher;

import dev.tokenservice.persistence.Database;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@link Database#migrate()} on a thread of its own, so that a start binds the port and builds the injector (neither
 * reads nor writes the database) while the schema migrates: on a cold JVM each takes a few hundred milliseconds.
 * {@link #await()} before the first query. One owner.
 */
final class BackgroundMigration {
    private final FutureTask<Void> task;

    private BackgroundMigration(FutureTask<Void> task) {
        this.task = task;
    }

    /** Starts migrating {@code database}. */
    static BackgroundMigration start(Database database) {
        FutureTask<Void> task = new FutureTask<>(database::migrate, null);
        Thread thread = new Thread(task, "token-db-migration");
        thread.setDaemon(true);
        thread.start();
        return new BackgroundMigration(task);
    }

    /** Returns once the schema is up to date; throws what {@link Database#migrate()} threw. */
    void await() {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the database migration failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the database migrated", e);
        }
    }

    /** Waits for the migration to end, however it ends: before the database is closed after another failure. */
    void awaitQuietly() {
        try {
            await();
        } catch (RuntimeException e) {
            // The start already failed for another reason, which is the one to report.
        }
    }
}
