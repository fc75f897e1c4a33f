package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundMigrationTest {
    private final Database database = Database.open(DatabaseSettings.h2Memory("migration-" + UUID.randomUUID()));

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void awaitWhenMigrationSucceededThenTheSchemaIsThere() throws SQLException {
        BackgroundMigration.start(database).await();

        assertThat(count("SELECT COUNT(*) FROM clients")).isZero();
    }

    @Test
    void awaitWhenMigrationFailedThenThrowsItsStorageException() throws SQLException {
        execute("CREATE TABLE clients (id INT)");

        BackgroundMigration migration = BackgroundMigration.start(database);

        assertThatThrownBy(migration::await).isInstanceOf(StorageException.class)
                .hasMessageContaining("migration failed");
    }

    @Test
    void awaitQuietlyWhenMigrationFailedThenReturnsWithoutThrowing() throws SQLException {
        execute("CREATE TABLE clients (id INT)");
        BackgroundMigration migration = BackgroundMigration.start(database);

        assertThatCode(migration::awaitQuietly).doesNotThrowAnyException();
        assertThatThrownBy(migration::await).isInstanceOf(StorageException.class);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
