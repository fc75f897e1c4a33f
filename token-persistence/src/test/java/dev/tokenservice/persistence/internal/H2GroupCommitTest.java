package dev.tokenservice.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.port.StorageException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    void constructWhenNoWriterEverComesThenFlushesStillRunEveryPeriod() throws Exception {
        Semaphore flushes = new Semaphore(0);
        try (H2GroupCommit commit = new H2GroupCommit(() -> counting(open(), flushes), Duration.ofMillis(20))) {
            flushes.acquire(); // the check the constructor runs

            // Bounded waits for two flushes that no caller asked for; each comes within 20 ms when all is well.
            assertThat(flushes.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** {@code connection}, releasing a permit of {@code flushes} for every statement it creates (one per flush). */
    private static Connection counting(Connection connection, Semaphore flushes) {
        return (Connection) Proxy.newProxyInstance(H2GroupCommitTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        flushes.release();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void runWhenClosedThenFailsRatherThanReturnUnflushed() {
        H2GroupCommit commit = new H2GroupCommit(this::open);
        commit.close();

        assertThatThrownBy(commit::run).isInstanceOf(StorageException.class);
    }
}
