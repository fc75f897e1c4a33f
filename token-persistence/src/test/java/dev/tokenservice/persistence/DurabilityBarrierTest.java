package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write of every adapter waits at its {@link DurabilityBarrier}, and an adapter refuses to be built on an H2
 * file database without a barrier that flushes the file.
 */
class DurabilityBarrierTest {
    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private final AtomicInteger waits = new AtomicInteger();
    private final DurabilityBarrier counting = waits::incrementAndGet;

    @Test
    void constructorWhenH2FileAndNoBarrierThenEveryWritingAdapterFailsAtOnce() {
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            database.migrate();
            Jdbi own = Jdbi.create(database.dataSource());

            assertFailsForWantOfABarrier(() -> new JdbiTokenStore(own, CLOCK, DurabilityBarrier.NONE));
            assertFailsForWantOfABarrier(() -> new JdbiClientStore(own, DurabilityBarrier.NONE));
            assertFailsForWantOfABarrier(() -> new JdbiUserAccountStore(own, DurabilityBarrier.NONE));
            assertFailsForWantOfABarrier(() -> new JdbiAccountLinkStore(own, DurabilityBarrier.NONE));
        }
    }

    private static void assertFailsForWantOfABarrier(Runnable construction) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H2 file database")
                .hasMessageContaining("Database.durabilityBarrier()");
    }

    @Test
    void constructorWhenOwnJdbiOnH2FileGetsTheDatabasesBarrierThenWritesAndTheWriteIsKept() {
        TokenPair pair = Tokens.pair("web.app", "jane", NOW, HOUR);
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            database.migrate();
            new JdbiTokenStore(Jdbi.create(database.dataSource()), CLOCK, database.durabilityBarrier()).save(pair);
        }

        try (Database reopened = Database.open(DatabaseSettings.h2File(dataDir))) {
            assertThat(reopened.tokenStore(CLOCK).findAccessToken(pair.access().digest())).contains(pair.access());
        }
    }

    @Test
    void durabilityBarrierWhenH2FileThenFlushesAndWhenInMemoryThenNone() {
        try (Database file = Database.open(DatabaseSettings.h2File(dataDir));
                Database memory = Database.open(DatabaseSettings.h2Memory("barrier-none"))) {
            assertThat(file.durabilityBarrier()).isNotSameAs(DurabilityBarrier.NONE);
            assertThat(memory.durabilityBarrier()).isSameAs(DurabilityBarrier.NONE);
        }
    }

    @Test
    void constructorWhenInMemoryAndNoBarrierThenAccepted() {
        Jdbi jdbi = DATABASE.empty().jdbi();

        new JdbiTokenStore(jdbi, CLOCK, DurabilityBarrier.NONE).save(Tokens.pair("web.app", "jane", NOW, HOUR));
    }

    @Test
    void tokenStoreWhenAnyWriteReturnedThenItWaitedAtTheBarrier() {
        JdbiTokenStore store = new JdbiTokenStore(DATABASE.empty().jdbi(), CLOCK, counting);
        TokenPair pair = Tokens.pair("web.app", "jane", NOW, HOUR);

        assertWaitsOnce(store::save, pair);
        assertWaitsOnce(tokens -> store.rotate(tokens.refresh().digest(),
                Tokens.replacementOf(tokens.refresh(), NOW, HOUR)), pair);
        assertWaitsOnce(tokens -> store.revokeAccessToken(tokens.access().digest()), pair);
        assertWaitsOnce(tokens -> store.revokeFamily(tokens.access().familyId()), pair);
        assertWaitsOnce(tokens -> store.revokeSelected(HolderSelector.client(ClientId.of("web.app"))), pair);
        assertWaitsOnce(tokens -> store.revokeHeldBy(TokenHolder.of(ClientId.of("web.app"), Username.of("jane"))),
                pair);
    }

    @Test
    void clientAndUserStoresWhenAnyWriteReturnedThenItWaitedAtTheBarrier() {
        Jdbi jdbi = DATABASE.empty().jdbi();
        JdbiClientStore clients = new JdbiClientStore(jdbi, counting);
        JdbiUserAccountStore users = new JdbiUserAccountStore(jdbi, counting);
        UserAccount jane = new UserAccount(Username.of("jane"), SecretHash.NONE, Set.of());

        assertWaitsOnce(clients::save, Client.builder("web.app").build());
        assertWaitsOnce(clients::delete, ClientId.of("web.app"));
        assertWaitsOnce(users::save, jane);
        assertWaitsOnce(users::delete, jane.username());
    }

    @Test
    void accountLinkStoreWhenAnyWriteReturnedThenItWaitedAtTheBarrier() {
        JdbiAccountLinkStore links = new JdbiAccountLinkStore(DATABASE.empty().jdbi(), counting);
        AccountLink link = new AccountLink(ThirdPartySubject.of("google", "1234"), Username.of("jane"), NOW);

        assertWaitsOnce(links::link, link);
        assertWaitsOnce(links::unlink, link.thirdPartySubject());
        assertWaitsOnce(links::unlinkAll, link.username());
    }

    private <T> void assertWaitsOnce(Consumer<T> write, T argument) {
        int before = waits.get();

        write.accept(argument);

        assertThat(waits.get() - before).as("waits at the barrier").isEqualTo(1);
    }
}
