package dev.tokenservice.http.launcher;

import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the database and migrates its schema ({@link Database#open}, then {@link Database#migrate()}) on a thread of
 * its own, so that a start binds its port, reads its files and builds its injector meanwhile. {@link #database()}
 * waits for the pool, {@link #awaitMigrated()} for the schema; nothing may query the database before the latter
 * returns. Whoever got the database owns it; after a failed start, {@link #abandon()}. One owner.
 */
final class DatabaseStartup {
    private final CompletableFuture<Database> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> migrated = new CompletableFuture<>();

    private DatabaseStartup() { }

    /** Starts opening and migrating the database of {@code settings}. */
    static DatabaseStartup begin(DatabaseSettings settings) {
        DatabaseStartup startup = new DatabaseStartup();
        Thread thread = new Thread(() -> startup.run(settings), "token-db-startup");
        thread.setDaemon(true);
        thread.start();
        return startup;
    }

    private void run(DatabaseSettings settings) {
        Database database;
        try {
            database = Database.open(settings);
        } catch (RuntimeException | Error e) {
            opened.completeExceptionally(e);
            migrated.completeExceptionally(e);
            return;
        }
        opened.complete(database);
        try {
            database.migrate();
            migrated.complete(null);
        } catch (RuntimeException | Error e) {
            migrated.completeExceptionally(e);
        }
    }

    /** The open database, once its pool is up; throws what {@link Database#open} threw. */
    Database database() {
        return BackgroundTask.await(opened);
    }

    /** Returns once the schema is up to date; throws what {@link Database#open} or {@link Database#migrate()} threw. */
    void awaitMigrated() {
        BackgroundTask.await(migrated);
    }

    /**
     * After a failed start: waits until the database thread is done, however it ends, and closes the database if it
     * was opened. The failure that ended the start is the one to report, so this throws nothing.
     */
    void abandon() {
        try {
            awaitMigrated();
        } catch (RuntimeException e) {
            // Superseded by the failure that ended the start.
        }
        if (opened.isDone() && !opened.isCompletedExceptionally()) {
            opened.join().close();
        }
    }
}
