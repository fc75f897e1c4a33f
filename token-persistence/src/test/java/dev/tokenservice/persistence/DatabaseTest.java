package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.StorageException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

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
    void migrateWhenRunTwiceThenTheSecondRunKeepsTheData() {
        try (Database database = Database.open(DatabaseSettings.h2Memory("migrate-twice"))) {
            database.migrate();
            JdbiClientStore clients = new JdbiClientStore(database.jdbi());
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
            JdbiClientStore clients = new JdbiClientStore(second.jdbi());

            assertThatThrownBy(clients::count).isInstanceOf(StorageException.class);
        }
    }

    @Test
    void adapterWhenDatabaseClosedThenStorageException() {
        Database database = Database.open(DatabaseSettings.h2Memory("closed-pool"));
        database.migrate();
        JdbiTokenStore store = new JdbiTokenStore(database.jdbi(), Clock.systemUTC());
        JdbiClientStore clients = new JdbiClientStore(database.jdbi());

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
