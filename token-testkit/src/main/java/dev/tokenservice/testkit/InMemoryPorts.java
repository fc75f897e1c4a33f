package dev.tokenservice.testkit;

import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.auth.AccountLinker;
import dev.tokenservice.core.auth.AuthenticationThrottle;
import dev.tokenservice.core.auth.InMemoryThrottleStore;
import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.core.port.UserDirectory;

/**
 * Every port of the core as a fake, wired together: a mutable clock, sequential values, in-memory stores, a
 * recording listener, the fast test hasher, and the authentication throttle with its default settings on an in-memory
 * store and the mutable clock. {@link #coreBuilder()} returns a {@link TokenServices.Builder} over
 * them that a test may adjust before building. Thread-safe.
 */
public final class InMemoryPorts {
    private final MutableClock clock = MutableClock.start();
    private final SequentialTokenValueGenerator values = new SequentialTokenValueGenerator();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
    private final InMemoryClientStore clients = new InMemoryClientStore();
    private final InMemoryUserAccountStore accounts = new InMemoryUserAccountStore();
    private final UserDirectory users = new StoredUserDirectory(accounts, TestHashers.fast());
    private final RecordingEventListener events = new RecordingEventListener();
    private final InMemoryAccountLinkStore accountLinks = new InMemoryAccountLinkStore();
    private final AuthenticationThrottle throttle =
            new AuthenticationThrottle(new InMemoryThrottleStore(), ThrottleSettings.DEFAULT, clock);

    /** Registers clients; returns this. */
    public InMemoryPorts with(Client... toAdd) {
        for (Client client : toAdd) {
            clients.save(client);
        }
        return this;
    }

    /** Registers user accounts; returns this. */
    public InMemoryPorts with(UserAccount... toAdd) {
        for (UserAccount account : toAdd) {
            accounts.save(account);
        }
        return this;
    }

    /** A core builder over these fakes. */
    public TokenServices.Builder coreBuilder() {
        return TokenServices.builder()
                .tokenStore(tokens)
                .tokenQuery(tokens)
                .clientStore(clients)
                .userDirectory(users)
                .clock(clock)
                .valueGenerator(values)
                .secretHasher(TestHashers.fast())
                .eventListener(events)
                .throttle(throttle);
    }

    /** The core over these fakes with default policies. */
    public TokenServices core() {
        return coreBuilder().build();
    }

    public MutableClock clock() {
        return clock;
    }

    public SequentialTokenValueGenerator values() {
        return values;
    }

    public InMemoryTokenStore tokens() {
        return tokens;
    }

    public InMemoryClientStore clients() {
        return clients;
    }

    public InMemoryUserAccountStore accounts() {
        return accounts;
    }

    public UserDirectory users() {
        return users;
    }

    public InMemoryAccountLinkStore accountLinks() {
        return accountLinks;
    }

    /** A linker of third-party accounts over these fakes, creating users in {@link #accounts()}. */
    public AccountLinker accountLinker() {
        return new AccountLinker(accountLinks, accounts, clock, events);
    }

    /** The throttle the core of {@link #coreBuilder()} uses; give it to third-party grants too. */
    public AuthenticationThrottle throttle() {
        return throttle;
    }

    public RecordingEventListener events() {
        return events;
    }
}
