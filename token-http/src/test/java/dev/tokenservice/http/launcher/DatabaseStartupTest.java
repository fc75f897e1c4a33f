package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseStartupTest {
    private final DatabaseSettings settings = DatabaseSettings.h2Memory("startup-" + UUID.randomUUID());

    @Test
    void awaitMigratedWhenMigrationSucceededThenTheSchemaIsThere() throws SQLException {
        DatabaseStartup startup = DatabaseStartup.begin(settings);

        startup.awaitMigrated();

        try (Database database = startup.database()) {
            assertThat(count(database, "SELECT COUNT(*) FROM clients")).isZero();
        }
    }

    @Test
    void awaitMigratedWhenMigrationFailedThenThrowsItsStorageException() throws SQLException {
        execute("CREATE TABLE clients (id INT)");
        DatabaseStartup startup = DatabaseStartup.begin(settings);

        assertThatThrownBy(startup::awaitMigrated).isInstanceOf(StorageException.class)
                .hasMessageContaining("migration failed");
        startup.database().close();
    }

    @Test
    void databaseWhenItCannotOpenThenThrowsWhatOpenThrew() {
        DatabaseStartup startup = DatabaseStartup.begin(new DatabaseSettings("jdbc:unknown:tokens", null, null));

        assertThatThrownBy(startup::database).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(startup::awaitMigrated).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void abandonWhenMigrationFailedThenThrowsNothingAndClosesTheDatabase() throws SQLException {
        execute("CREATE TABLE clients (id INT)");
        DatabaseStartup startup = DatabaseStartup.begin(settings);

        assertThatCode(startup::abandon).doesNotThrowAnyException();

        assertThatThrownBy(() -> startup.database().dataSource().getConnection()).isInstanceOf(SQLException.class);
    }

    @Test
    void abandonWhenTheDatabaseCannotOpenThenThrowsNothing() {
        DatabaseStartup startup = DatabaseStartup.begin(new DatabaseSettings("jdbc:unknown:tokens", null, null));

        assertThatCode(startup::abandon).doesNotThrowAnyException();
    }

    /** Runs {@code sql} on the in-memory database before the startup opens it; it lives on until the startup closes it. */
    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
