package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.core.port.UserDirectory;
import dev.tokenservice.testkit.InMemoryAccountLinkStore;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.InMemoryTokenStore;
import dev.tokenservice.testkit.InMemoryUserAccountStore;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.TestHashers;

/** Binds the storage ports the core module requires to the testkit's fakes. */
final class InMemoryStoresModule extends AbstractModule {
    final MutableClock clock = MutableClock.start();
    final InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
    final InMemoryClientStore clients = new InMemoryClientStore();
    final InMemoryUserAccountStore accounts = new InMemoryUserAccountStore();
    final InMemoryAccountLinkStore links = new InMemoryAccountLinkStore();

    @Override
    protected void configure() {
        bind(TokenStore.class).toInstance(tokens);
        bind(TokenQuery.class).toInstance(tokens);
        bind(ClientStore.class).toInstance(clients);
        bind(UserDirectory.class).toInstance(new StoredUserDirectory(accounts, TestHashers.fast()));
        bind(UserAccountStore.class).toInstance(accounts);
        bind(AccountLinkStore.class).toInstance(links);
    }
}
