package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.core.port.UserDirectory;
import java.util.Objects;

/**
 * Puts the storage ports on instances the caller owns (in-memory stores for tests, an adapter of one's own), in place
 * of {@link PersistenceModule}.
 *
 * <p>Provides: {@link TokenStore}, {@link TokenQuery}, {@link ClientStore}, {@link UserAccountStore},
 * {@link AccountLinkStore}, and {@link UserDirectory} (a {@link StoredUserDirectory} over the accounts). Requires:
 * {@code @UserPasswords SecretHasher} (from {@link TokenCoreModule}). The clients are read as they are stored, without
 * a cache.
 */
public final class StoresModule extends AbstractModule {
    private final TokenStore tokens;
    private final TokenQuery tokenQuery;
    private final ClientStore clients;
    private final UserAccountStore users;
    private final AccountLinkStore accountLinks;

    /** @param tokenQuery must read the tokens {@code tokens} stores */
    public StoresModule(TokenStore tokens, TokenQuery tokenQuery, ClientStore clients, UserAccountStore users,
            AccountLinkStore accountLinks) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.tokenQuery = Objects.requireNonNull(tokenQuery, "tokenQuery");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.users = Objects.requireNonNull(users, "users");
        this.accountLinks = Objects.requireNonNull(accountLinks, "accountLinks");
    }

    @Override
    protected void configure() {
        bind(TokenStore.class).toInstance(tokens);
        bind(TokenQuery.class).toInstance(tokenQuery);
        bind(ClientStore.class).toInstance(clients);
        bind(UserAccountStore.class).toInstance(users);
        bind(AccountLinkStore.class).toInstance(accountLinks);
    }

    @Provides
    @Singleton
    UserDirectory userDirectory(UserAccountStore accounts, @UserPasswords SecretHasher passwords) {
        return new StoredUserDirectory(accounts, passwords);
    }
}
