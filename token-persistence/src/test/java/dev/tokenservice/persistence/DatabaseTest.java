package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void openWhenUrlIsNeitherH2NorPostgresThenIllegalArgument() {
        assertThatThrownBy(() -> Database.open(new DatabaseSettings("jdbc:mysql://localhost/tokens", "u", "p")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openWhenServerRefusesThenStorageExceptionThatHidesThePassword() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:1/tokens?connectTimeout=2", "tokens", "s3cret!");

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StorageException.class)
                .hasMessageNotContaining("s3cret!");
    }

    @Test
    void openWhenH2FileThenChunksAreRetainedFiveSecondsInsteadOfFortyFive(@TempDir Path dataDir) throws SQLException {
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            assertThat(retentionTime(database)).isEqualTo("5000");
        }
    }

    @Test
    void openWhenUrlChoosesTheRetentionTimeThenItIsKept(@TempDir Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("tokens") + ";DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=60000";

        try (Database database = Database.open(new DatabaseSettings(url, "sa", ""))) {
            assertThat(retentionTime(database)).isEqualTo("60000");
        }
    }

    private static String retentionTime(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'RETENTION_TIME'")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    @Test
    void migrateWhenRunTwiceThenTheSecondRunKeepsTheData() {
        try (Database database = Database.open(DatabaseSettings.h2Memory("migrate-twice"))) {
            database.migrate();
            JdbiClientStore clients = database.clientStore();
            clients.save(Client.builder("web.app").build());

            database.migrate();

            assertThat(clients.count()).isEqualTo(1);
        }
    }

    @Test
    void closeWhenInMemoryThenTheDatabaseIsGone() {
        try (Database first = Database.open(DatabaseSettings.h2Memory("closed-memory"))) {
            first.migrate();
        }

        try (Database second = Database.open(DatabaseSettings.h2Memory("closed-memory"))) {
            JdbiClientStore clients = second.clientStore();

            assertThatThrownBy(clients::count).isInstanceOf(StorageException.class);
        }
    }

    @Test
    void adapterWhenDatabaseClosedThenStorageException() {
        Database database = Database.open(DatabaseSettings.h2Memory("closed-pool"));
        database.migrate();
        JdbiTokenStore store = database.tokenStore(Clock.systemUTC());
        JdbiClientStore clients = database.clientStore();

        database.close();

        assertThatThrownBy(() -> store.deleteExpired(10)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> clients.findById(ClientId.of("web.app"))).isInstanceOf(StorageException.class);
    }

    @Test
    void closeWhenCalledTwiceThenSecondCallDoesNothing() {
        Database database = Database.open(DatabaseSettings.h2Memory("close-twice"));

        database.close();

        assertThatCode(database::close).doesNotThrowAnyException();
    }
}
