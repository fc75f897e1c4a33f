package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.cache.CachingClientStore;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.core.port.UserDirectory;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DurabilityBarrier;
import dev.tokenservice.persistence.JdbiAccountLinkStore;
import dev.tokenservice.persistence.JdbiClientStore;
import dev.tokenservice.persistence.JdbiTokenQuery;
import dev.tokenservice.persistence.JdbiTokenStore;
import dev.tokenservice.persistence.JdbiUserAccountStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Puts the storage ports on a database through the JDBI adapters.
 *
 * <p>Provides: {@link TokenStore}, {@link TokenQuery}, {@link ClientStore} (a {@link CachingClientStore} over the
 * clients table), {@link UserAccountStore}, {@link AccountLinkStore}, and
 * {@link UserDirectory} (a {@link StoredUserDirectory} over the accounts), and the database's {@link Jdbi} and
 * {@link DurabilityBarrier}, which every writing adapter takes together. Requires: {@link Clock} and
 * {@code @UserPasswords SecretHasher} (both from {@link TokenCoreModule}). Defaults that embedders override with
 * {@code OptionalBinder.setBinding()}: {@code @ClientCacheTtl Duration} ({@link CachingClientStore#DEFAULT_TTL};
 * {@code Duration.ZERO} disables the cache). The {@link Database} is opened, migrated and
 * closed by whoever creates this module; the module only reads its {@link Jdbi} and its barrier.
 */
public final class PersistenceModule extends AbstractModule {
    private final Database database;

    /** @param database an open, migrated database, owned by the caller */
    public PersistenceModule(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    protected void configure() {
        bind(Database.class).toInstance(database);
        OptionalBinder.newOptionalBinder(binder(), Key.get(Duration.class, ClientCacheTtl.class)).setDefault()
                .toInstance(CachingClientStore.DEFAULT_TTL);
    }

    @Provides
    @Singleton
    Jdbi jdbi(Database db) {
        return db.jdbi();
    }

    @Provides
    @Singleton
    DurabilityBarrier durabilityBarrier(Database db) {
        return db.durabilityBarrier();
    }

    @Provides
    @Singleton
    TokenStore tokenStore(Jdbi jdbi, Clock clock, DurabilityBarrier barrier) {
        return new JdbiTokenStore(jdbi, clock, barrier);
    }

    @Provides
    @Singleton
    TokenQuery tokenQuery(Jdbi jdbi, Clock clock) {
        return new JdbiTokenQuery(jdbi, clock);
    }

    @Provides
    @Singleton
    ClientStore clientStore(Jdbi jdbi, DurabilityBarrier barrier, Clock clock, @ClientCacheTtl Duration ttl) {
        return new CachingClientStore(new JdbiClientStore(jdbi, barrier), clock, ttl);
    }

    @Provides
    @Singleton
    UserAccountStore userAccountStore(Jdbi jdbi, DurabilityBarrier barrier) {
        return new JdbiUserAccountStore(jdbi, barrier);
    }

    @Provides
    @Singleton
    AccountLinkStore accountLinkStore(Jdbi jdbi, DurabilityBarrier barrier) {
        return new JdbiAccountLinkStore(jdbi, barrier);
    }

    @Provides
    @Singleton
    UserDirectory userDirectory(UserAccountStore accounts, @UserPasswords SecretHasher passwords) {
        return new StoredUserDirectory(accounts, passwords);
    }
}
