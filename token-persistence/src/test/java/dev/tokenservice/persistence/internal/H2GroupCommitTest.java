package dev.tokenservice.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.port.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2GroupCommitTest {
    @TempDir
    Path dataDir;

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    @Test
    void constructWhenDatabaseCannotBeReachedThenFailsAtOnce() {
        assertThatThrownBy(() -> new H2GroupCommit(() -> {
            throw new SQLException("refused");
        })).isInstanceOf(StorageException.class).hasMessageContaining("disk");
    }

    @Test
    void runWhenItsConnectionBrokeThenThatFlushFailsAndTheNextOneOpensANewConnection() throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try (H2GroupCommit commit = new H2GroupCommit(() -> {
            Connection connection = open();
            opened.add(connection);
            return connection;
        })) {
            opened.get(0).close();

            assertThatThrownBy(commit::run).isInstanceOf(StorageException.class);
            commit.run();

            assertThat(opened).hasSize(2);
        }
    }

    @Test
    void runWhenClosedThenFailsRatherThanReturnUnflushed() {
        H2GroupCommit commit = new H2GroupCommit(this::open);
        commit.close();

        assertThatThrownBy(commit::run).isInstanceOf(StorageException.class);
    }
}
