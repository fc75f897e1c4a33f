package dev.tokenservice.persistence;

import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.persistence.internal.Dialect;
import dev.tokenservice.persistence.internal.Millis;
import dev.tokenservice.persistence.internal.Storage;
import dev.tokenservice.persistence.internal.TokenListSql;
import dev.tokenservice.persistence.internal.TokenRows;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The administration list ({@link TokenQuery}) on the {@code access_tokens} table: exact-match filters on client
 * and user, 1-based pages, ordering over the whitelisted {@link dev.tokenservice.core.model.TokenSortProperty}
 * columns with the token id as final tie-breaker, and the total count. Reads summaries only, never a digest or a
 * sealed value. Failures of the database surface as {@link StorageException}. Thread-safe.
 */
public final class JdbiTokenQuery implements TokenQuery {
    private final Jdbi jdbi;
    private final Clock clock;

    /** A query on {@code jdbi} that reads the time (which tokens are live) from {@code clock}. */
    public JdbiTokenQuery(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenPage list(TokenListQuery query) {
        Objects.requireNonNull(query, "query");
        long now = Millis.of(clock.instant());
        return Storage.call("list tokens", () -> jdbi.withHandle(handle -> {
            TokenListSql sql = TokenListSql.of(query, Dialect.of(handle));
            List<TokenSummary> content = filtered(handle.createQuery(sql.page()), query, now)
                    .bind("offset", query.offset())
                    .bind("size", query.size())
                    .map(TokenRows.SUMMARY)
                    .list();
            return TokenPage.of(query, content, total(handle, sql, query, now, content.size()));
        }));
    }

    /**
     * The number of matches. A page that is neither empty nor full is the last one, so the total follows from it
     * without a second scan; otherwise it is counted.
     */
    private static long total(Handle handle, TokenListSql sql, TokenListQuery query, long now, int served) {
        if (served > 0 && served < query.size()) {
            return query.offset() + served;
        }
        return filtered(handle.createQuery(sql.count()), query, now).mapTo(Long.class).one();
    }

    private static <S extends SqlStatement<S>> S filtered(S statement, TokenListQuery query, long now) {
        statement.bind("now", now);
        if (query.clientId() != null) {
            statement.bind("clientId", query.clientId().value());
        }
        if (query.username() != null) {
            statement.bind("username", query.username().value());
        }
        return statement;
    }

    @Override
    public String toString() {
        return "JdbiTokenQuery";
    }
}
