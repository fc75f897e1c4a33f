package dev.tokenservice.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * The flush of an H2 file database: {@code CHECKPOINT SYNC} (write the committed changes to the file, then fsync it),
 * on a connection of its own outside the pool, opened again after a failure. Not API.
 */
public final class H2Checkpoint implements GroupCommit.Flush {
    private final GroupCommit.ConnectionSource connections;
    private @Nullable Connection connection;

    public H2Checkpoint(GroupCommit.ConnectionSource connections) {
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
