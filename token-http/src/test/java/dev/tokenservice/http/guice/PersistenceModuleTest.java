package dev.tokenservice.http.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.tokenservice.core.cache.CachingClientStore;
import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.core.port.UserDirectory;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import dev.tokenservice.persistence.DurabilityBarrier;
import dev.tokenservice.persistence.JdbiTokenStore;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestHashers;
import dev.tokenservice.testkit.TestUsers;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersistenceModuleTest {

    @Test
    void injectorWhenDatabaseGivenThenPortsShareIt() {
        try (Database database = Database.open(DatabaseSettings.h2Memory("persistence-module-test"))) {
            database.migrate();
            Injector injector = Guice.createInjector(new PersistenceModule(database), new TokenCoreModule());
            UserAccountStore accounts = injector.getInstance(UserAccountStore.class);
            accounts.save(new UserAccount(TestUsers.ALICE, TestHashers.fast().hash(TestUsers.ALICE_PASSWORD), Set.of()));
            injector.getInstance(ClientStore.class).save(TestClients.confidential().build());

            assertThat(injector.getInstance(UserDirectory.class)
                    .authenticate(TestUsers.ALICE, Password.of(TestUsers.ALICE_PASSWORD))).isPresent();
            assertThat(injector.getInstance(ClientStore.class).findById(TestClients.CONFIDENTIAL_ID)).isPresent();
            assertThat(injector.getInstance(ClientStore.class)).isInstanceOf(CachingClientStore.class)
                    .isSameAs(injector.getInstance(ClientStore.class));
            assertThat(injector.getInstance(TokenStore.class)).isInstanceOf(JdbiTokenStore.class)
                    .isSameAs(injector.getInstance(TokenStore.class));
            assertThat(injector.getInstance(TokenQuery.class)).isNotNull();
            assertThat(injector.getInstance(DurabilityBarrier.class)).isSameAs(database.durabilityBarrier());
        }
    }
}
