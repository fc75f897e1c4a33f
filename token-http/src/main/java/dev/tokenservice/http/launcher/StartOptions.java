package dev.tokenservice.http.launcher;

import dev.tokenservice.core.port.AccountLinkStore;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.core.port.UserAccountStore;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What an embedding changes in a server that {@link TokenServer} builds from its {@link ServerConfig}: the test
 * fixture runs the real server on stores, a clock and filters of its own. {@link #DEFAULT} is the stand-alone server.
 *
 * @param stores       the storage ports the server runs on instead of the configured database; {@code null} for the
 *                     database (opened, migrated and closed by the server)
 * @param clock        the time the core, the stores and the cleanup read; {@code null} for the system clock (UTC)
 * @param filters      servlet filters in front of every endpoint, in this order, inside the server's error filter
 * @param gracefulStop whether {@link TokenServer#close()} lets requests in flight finish (up to 20 s) and gives idle
 *                     connections Jetty's second to close; {@code false} stops at once, for a server whose callers
 *                     are done (a test's)
 */
public record StartOptions(Stores stores, Clock clock, List<Filter> filters, boolean gracefulStop) {
    /** The stand-alone server: the configured database, the system clock, no filter, a graceful stop. */
    public static final StartOptions DEFAULT = new StartOptions(null, null, List.of(), true);

    public StartOptions {
        filters = List.copyOf(Objects.requireNonNull(filters, "filters"));
    }

    /** These options with the server reading {@code value} for the time. */
    public StartOptions withClock(Clock value) {
        return new StartOptions(stores, Objects.requireNonNull(value, "clock"), filters, gracefulStop);
    }

    /**
     * Storage the caller owns. A {@link TokenQuery} must read the same tokens as the {@link TokenStore} (the
     * administration lists what the grants store).
     */
    public record Stores(TokenStore tokens, TokenQuery tokenQuery, ClientStore clients, UserAccountStore users,
            AccountLinkStore accountLinks) {
        public Stores {
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(tokenQuery, "tokenQuery");
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(accountLinks, "accountLinks");
        }
    }
}
