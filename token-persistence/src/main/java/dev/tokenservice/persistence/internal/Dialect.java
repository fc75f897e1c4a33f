package dev.tokenservice.persistence.internal;

import dev.tokenservice.persistence.internal.TokenSql.TokenTable;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;

/**
 * The few differences between H2 and PostgreSQL. Every other statement is written once and runs unchanged on
 * both. Not API.
 */
public enum Dialect {
    /**
     * H2 2.x, embedded. Lock waits get ten seconds instead of H2's one: a rotation that waits for a concurrent one
     * must learn it lost, not fail. Upserts use H2's {@code MERGE ... KEY}. A bounded delete is H2's
     * {@code DELETE ... FETCH FIRST}, which walks the expiry index and stops: H2 runs the portable
     * {@code IN (sub-select)} form much slower.
     */
    H2("h2", "SET LOCK_TIMEOUT 10000", Map.of()) {
        @Override
        public String deleteExpired(TokenTable table) {
            return "DELETE FROM " + table.sqlName() + " WHERE expires_at <= :now FETCH FIRST :limit ROWS ONLY";
        }

        /**
         * H2 plans without regard to {@code FETCH FIRST}: left alone it fetches every live token through the expiry
         * index and sorts them all, however many there are. With no index allowed for the condition
         * ({@code USE INDEX ()}) it reads the table through the index that holds the requested order, or its first
         * column, and stops after the page.
         */
        @Override
        public String unfilteredList(String table) {
            return table + " USE INDEX ()";
        }

        @Override
        public String upsert(String table, String key, List<String> columns) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                    + placeholders(columns) + ")";
        }
    },

    /**
     * PostgreSQL. Batched inserts are rewritten into multi-row inserts by the driver; sessions carry an
     * application name for {@code pg_stat_activity}. Upserts use {@code INSERT ... ON CONFLICT}. PostgreSQL has no
     * {@code DELETE ... LIMIT}: a bounded delete picks its rows in a sub-select on the expiry index, and
     * {@code SKIP LOCKED} lets servers that share the database clean up side by side without waiting for each other.
     */
    POSTGRESQL("postgresql", null, Map.of("reWriteBatchedInserts", "true", "ApplicationName", "token-service")) {
        @Override
        public String deleteExpired(TokenTable table) {
            return "DELETE FROM " + table.sqlName() + " WHERE digest IN (SELECT digest FROM " + table.sqlName()
                    + " WHERE expires_at <= :now LIMIT :limit FOR UPDATE SKIP LOCKED)";
        }

        @Override
        public String upsert(String table, String key, List<String> columns) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                    .append(String.join(", ", columns)).append(") VALUES (").append(placeholders(columns))
                    .append(") ON CONFLICT (").append(key).append(") DO UPDATE SET ");
            String separator = "";
            for (String column : columns) {
                if (!column.equals(key)) {
                    sql.append(separator).append(column).append(" = EXCLUDED.").append(column);
                    separator = ", ";
                }
            }
            return sql.toString();
        }
    };

    private static final String COMMON_MIGRATIONS = "classpath:db/migration/common";

    private final String folder;
    private final String connectionInitSql;
    private final Map<String, String> driverProperties;

    Dialect(String folder, String connectionInitSql, Map<String, String> driverProperties) {
        this.folder = folder;
        this.connectionInitSql = connectionInitSql;
        this.driverProperties = driverProperties;
    }

    /** The dialect of a JDBC URL; {@link IllegalArgumentException} for a database this module does not support. */
    public static Dialect of(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database: use a jdbc:h2: or jdbc:postgresql: URL");
    }

    /** The dialect of the database behind an open connection. */
    public static Dialect of(Handle handle) {
        return of(url(handle));
    }

    /** The JDBC URL of the database behind an open connection, as its driver reports it. */
    public static String url(Handle handle) {
        try {
            return handle.getConnection().getMetaData().getURL();
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }

    /**
     * Deletes at most {@code :limit} rows of {@code table} that expired at or before {@code :now}, in one
     * statement that touches only the rows it deletes.
     */
    public abstract String deleteExpired(TokenTable table);

    /**
     * The {@code FROM} item for a list page without filters, where nearly every row is live and the order decides
     * which index to read. PostgreSQL's planner weighs the {@code LIMIT} and picks the index itself.
     */
    public String unfilteredList(String table) {
        return table;
    }

    /**
     * An insert-or-replace of one row keyed by {@code key}, binding {@code :column} for each column. Table and
     * column names come from this module's constants, never from a caller.
     */
    public abstract String upsert(String table, String key, List<String> columns);

    /** Flyway locations: the portable migrations, then this database's own ones. */
    public List<String> migrationLocations() {
        return List.of(COMMON_MIGRATIONS, "classpath:db/migration/" + folder);
    }

    /** SQL run on every new pooled connection, or {@code null}. */
    public String connectionInitSql() {
        return connectionInitSql;
    }

    /** JDBC driver properties the pool passes on every connection. */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /**
     * True when a committed write must still be flushed to disk before it counts, because the commit itself does not
     * reach the disk: H2 keeps commits in memory and writes them to its file later. An in-memory H2 has no disk, and
     * PostgreSQL's commit is durable already.
     */
    public boolean needsFlushAfterCommit(String jdbcUrl) {
        return this == H2 && !jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    /**
     * The database file of an embedded H2 file URL without its extension (e.g. {@code data/tokens} for
     * {@code jdbc:h2:file:data/tokens;...}), where the token journal lives beside it; empty for any other URL (H2 in
     * memory, an H2 server reached over the network, a file system prefix such as {@code nio:}, PostgreSQL).
     */
    public Optional<Path> h2FileBase(String jdbcUrl) {
        if (!needsFlushAfterCommit(jdbcUrl)) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int parameters = name.indexOf(';');
        name = parameters < 0 ? name : name.substring(0, parameters);
        name = name.startsWith("file:") ? name.substring("file:".length()) : name;
        if (name.isEmpty() || name.matches("^[a-zA-Z]{2,}:.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name));
    }

    /** True when closing the pool must also shut the database down (H2 in memory kept open by its URL). */
    public boolean shutsDownOnClose(String jdbcUrl) {
        return this == H2 && jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    private static String placeholders(List<String> columns) {
        return String.join(", ", columns.stream().map(column -> ":" + column).toList());
    }
}
