package dev.tokenservice.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The flush of an H2 file database: {@code CHECKPOINT SYNC} (write the committed changes to the file, then fsync it),
 * on a connection of its own outside the pool, opened again after a failure, so a flush never waits for a pooled
 * connection and a writer never holds one while it waits. Its {@link GroupCommit} also runs it every
 * {@link #SYNC_PERIOD}, so that what H2 writes without a writer waiting (its background writes, the expired-token
 * cleanup) is on disk within that period too: this is what makes {@link #RETENTION_TIME_MILLIS} safe. Not API.
 */
public final class H2Checkpoint implements GroupCommit.Flush {
    /** The longest a change H2 wrote to its file stays without an fsync. */
    public static final Duration SYNC_PERIOD = Duration.ofSeconds(1);
    /**
     * How long H2 keeps the space of a chunk it no longer needs before reusing it, instead of its default 45 s. The
     * default guards against chunks that the operating system has not yet written; here every chunk is fsynced
     * within {@link #SYNC_PERIOD}. Under load H2 writes a chunk per flush, and the file holds about a retention
     * time's worth of them, so a shorter time keeps the file smaller.
     */
    public static final int RETENTION_TIME_MILLIS = 5_000;

    private final ConnectionSource connections;
    private @Nullable Connection connection;

    /** Opens the connection the flushes run on. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    public H2Checkpoint(ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public void flush() throws SQLException {
        try {
            if (connection == null) {
                connection = connections.open();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Already broken; the next flush opens a new one.
        } finally {
            connection = null;
        }
    }
}
