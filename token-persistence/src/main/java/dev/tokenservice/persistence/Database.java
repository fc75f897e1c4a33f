package dev.tokenservice.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.persistence.internal.Dialect;
import dev.tokenservice.persistence.internal.GroupCommit;
import dev.tokenservice.persistence.internal.H2Checkpoint;
import dev.tokenservice.persistence.internal.JournaledBarrier;
import dev.tokenservice.persistence.internal.Storage;
import dev.tokenservice.persistence.internal.TokenJournal;
import dev.tokenservice.persistence.internal.TokenWrite;
import dev.tokenservice.persistence.internal.TokenWrites;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open connection pool (HikariCP) to the token database, H2 or PostgreSQL, the {@link Jdbi} the adapters run on,
 * and the {@link DurabilityBarrier} their writes wait at; {@link #tokenStore}, {@link #clientStore} and the like build
 * the adapters with both. Whoever opens it owns it: run {@link #migrate()} before first use and {@link #close()} at
 * shutdown, after the last request. Thread-safe.
 *
 * <p>Pool sizing follows HikariCP's advice for small machines: {@code 2 × cores + 1} connections (at least 4, at
 * most 16), kept open all the time, so a 2-core server holds 5. Several servers sharing one PostgreSQL server each
 * hold their own pool; size the server's {@code max_connections} for all of them. A request that waits more than
 * {@value #CONNECTION_TIMEOUT_SECONDS} seconds for a connection fails with {@link StorageException} rather than
 * hanging.
 *
 * <p>Durability: a write returns only once it is on disk. PostgreSQL's commit already is (with its default
 * {@code synchronous_commit = on}). H2 keeps a commit in memory and writes it to the file up to half a second later.
 * On an embedded H2 file a token write therefore also appends a record of its change to the token journal beside
 * the file and waits for a group-committed force of that journal; every other write waits for a shared
 * {@code CHECKPOINT SYNC} of the file. A checkpoint runs every second too, and deletes the journal records it made
 * durable; {@link #open} redoes the records a crash left. Since every chunk of the file is on disk within a second,
 * H2 may reuse the space of chunks it no longer needs after 5 s rather than its default 45 s, which keeps the file
 * near the size of its live data under load (set {@code ;RETENTION_TIME=} in the URL to choose otherwise). Both
 * need an H2 admin user, as {@code sa} is. All of it is this database's {@link #durabilityBarrier()}: an adapter
 * built on a {@link Jdbi} of one's own over {@link #dataSource()} must be given it.
 */
public final class Database implements AutoCloseable {
    /** The pool's name, as it appears in HikariCP's logs and metrics. */
    public static final String POOL_NAME = "token-db";

    static final int CONNECTION_TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final @Nullable GroupCommit groupCommit;
    private final @Nullable TokenJournal journal;
    private final DurabilityBarrier durabilityBarrier;
    private final Object jdbiLock = new Object();
    /** Made by the first {@link #jdbi()} call; guarded by {@code jdbiLock}. */
    private Jdbi jdbi;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, Dialect dialect,
            @Nullable GroupCommit groupCommit, @Nullable TokenJournal journal) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.groupCommit = groupCommit;
        this.journal = journal;
        if (groupCommit == null) {
            durabilityBarrier = DurabilityBarrier.NONE;
        } else if (journal == null) {
            durabilityBarrier = groupCommit::awaitDurable;
        } else {
            durabilityBarrier = new JournaledH2Barrier(groupCommit, journal);
        }
    }

    /**
     * Opens a pool and checks that the database answers. Fails with {@link StorageException} when it cannot
     * connect, and with {@link IllegalArgumentException} for a URL that is neither H2 nor PostgreSQL.
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Dialect dialect = Dialect.of(settings.url());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(poolConfig(settings, dialect));
        } catch (RuntimeException e) {
            // HikariCP reports a refused connection as an unchecked PoolInitializationException; the message
            // names the redacted URL only, never the password.
            throw new StorageException("cannot connect to the database " + settings.redactedUrl(), e);
        }
        GroupCommit groupCommit = null;
        TokenJournal journal = null;
        try {
            if (dialect.needsFlushAfterCommit(settings.url())) {
                if (!settings.url().toUpperCase(Locale.ROOT).contains(";RETENTION_TIME=")) {
                    setRetentionTime(dataSource, H2Checkpoint.RETENTION_TIME_MILLIS);
                }
                H2Checkpoint checkpoint = new H2Checkpoint(() -> DriverManager.getConnection(settings.url(),
                        settings.user(), settings.password()));
                journal = dialect.h2FileBase(settings.url()).map(TokenJournal::open).orElse(null);
                groupCommit = new GroupCommit(journal == null ? checkpoint : journal.checkpointing(checkpoint),
                        H2Checkpoint.SYNC_PERIOD);
            }
            Database database = new Database(settings, dataSource, dialect, groupCommit, journal);
            database.redoJournal();
            return database;
        } catch (RuntimeException e) {
            if (groupCommit != null) {
                groupCommit.close();
            }
            if (journal != null) {
                journal.close();
            }
            dataSource.close();
            throw e;
        }
    }

    /**
     * Redoes the token writes that a previous process recorded in the journal but may not have written to the file
     * (it stopped before a checkpoint), then checkpoints, which deletes those records. Before anything else touches
     * the tables, and before migrations: the records were written against the schema the file has.
     */
    private void redoJournal() {
        if (journal == null) {
            return;
        }
        List<TokenWrite> writes = journal.recover();
        if (!writes.isEmpty()) {
            Storage.call("redo the token journal", () -> jdbi().withHandle(handle -> {
                boolean familyStart = TokenWrites.hasFamilyStart(handle);
                for (TokenWrite write : writes) {
                    handle.useTransaction(transaction -> TokenWrites.redo(transaction, write, familyStart));
                }
                return null;
            }));
            LOG.info("redid {} token writes from the journal", writes.size());
        }
        if (journal.redone()) {
            groupCommit.awaitDurable();
        }
    }

    /** Sets H2's retention time, which the file keeps (a URL's {@code ;RETENTION_TIME=} is left alone). */
    private static void setRetentionTime(DataSource dataSource, int millis) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET RETENTION_TIME " + millis);
        } catch (SQLException e) {
            throw new StorageException("could not set the H2 retention time", e);
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings settings, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        int size = Math.min(16, Math.max(4, 2 * Runtime.getRuntime().availableProcessors() + 1));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(Duration.ofSeconds(CONNECTION_TIMEOUT_SECONDS).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(3).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        if (dialect.connectionInitSql() != null) {
            config.setConnectionInitSql(dialect.connectionInitSql());
        }
        dialect.driverProperties().forEach(config::addDataSourceProperty);
        return config;
    }

    /**
     * Brings the schema up to date with Flyway: the migrations under {@code db/migration/common} and those for this
     * database ({@code db/migration/h2} or {@code db/migration/postgresql}). Safe to run from several servers at
     * once: Flyway serializes them with a database lock. On an H2 file the schema is then flushed to disk, before
     * any token write the journal records.
     */
    public void migrate() {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocations().toArray(String[]::new))
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("database migration failed", e);
        }
        if (groupCommit != null) {
            // The token journal records changes to the tables, not the tables: they must be on disk before it.
            groupCommit.awaitDurable();
        }
    }

    /**
     * The {@link Jdbi} the adapters take, always the same. It carries no durability: an adapter on it also takes
     * {@link #durabilityBarrier()}. Made on the first call rather than by {@link #open}: Jdbi's configuration is slow
     * on a cold JVM, and a server can spend that time while it migrates.
     */
    public Jdbi jdbi() {
        synchronized (jdbiLock) {
            if (jdbi == null) {
                jdbi = Jdbi.create(dataSource);
            }
            return jdbi;
        }
    }

    /**
     * What a write on this database waits for after its commit: the shared flush of the file on an H2 file database,
     * {@link DurabilityBarrier#NONE} on PostgreSQL and H2 in memory, whose commit is durable by itself. Pass it to an
     * adapter built on a {@link Jdbi} of one's own over {@link #dataSource()}. After {@link #close()} it fails.
     */
    public DurabilityBarrier durabilityBarrier() {
        return durabilityBarrier;
    }

    /** A token store on {@link #jdbi()} whose writes wait at {@link #durabilityBarrier()}. */
    public JdbiTokenStore tokenStore(Clock clock) {
        return new JdbiTokenStore(jdbi(), clock, durabilityBarrier);
    }

    /** The administration list on {@link #jdbi()}; it only reads. */
    public JdbiTokenQuery tokenQuery(Clock clock) {
        return new JdbiTokenQuery(jdbi(), clock);
    }

    /** A client store on {@link #jdbi()} whose writes wait at {@link #durabilityBarrier()}. */
    public JdbiClientStore clientStore() {
        return new JdbiClientStore(jdbi(), durabilityBarrier);
    }

    /** A user account store on {@link #jdbi()} whose writes wait at {@link #durabilityBarrier()}. */
    public JdbiUserAccountStore userAccountStore() {
        return new JdbiUserAccountStore(jdbi(), durabilityBarrier);
    }

    /** An account link store on {@link #jdbi()} whose writes wait at {@link #durabilityBarrier()}. */
    public JdbiAccountLinkStore accountLinkStore() {
        return new JdbiAccountLinkStore(jdbi(), durabilityBarrier);
    }

    /** A throttle store on {@link #jdbi()}; its counts need no durability barrier. */
    public JdbiThrottleStore throttleStore() {
        return new JdbiThrottleStore(jdbi());
    }

    /** The pooled data source, for whoever needs plain JDBC (health checks, migrations of their own). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Closes every pooled connection. An H2 file database is then closed cleanly; an H2 in-memory database is shut
     * down and its memory released. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (dataSource.isClosed()) {
            return;
        }
        if (groupCommit != null) {
            if (journal != null) {
                checkpointBeforeClose();
            }
            groupCommit.close();
        }
        if (journal != null) {
            journal.close();
        }
        dataSource.close();
        if (dialect.shutsDownOnClose(settings.url())) {
            // The URL keeps an in-memory database alive without connections; one last plain connection ends it.
            try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(),
                    settings.password()); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new StorageException("could not shut the in-memory database down", e);
            }
        }
    }

    /** The last checkpoint deletes the journal; if it fails, the next start redoes the journal instead. */
    private void checkpointBeforeClose() {
        try {
            groupCommit.awaitDurable();
        } catch (StorageException e) {
            LOG.warn("the checkpoint before closing failed; the next start redoes the token journal", e);
        }
    }

    /** The barrier of an H2 file database with a token journal: token writes go through the journal. */
    private record JournaledH2Barrier(GroupCommit groupCommit, TokenJournal tokenJournal)
            implements DurabilityBarrier, JournaledBarrier {
        @Override
        public void awaitDurable() {
            groupCommit.awaitDurable();
        }
    }

    @Override
    public String toString() {
        return "Database[" + POOL_NAME + ", " + dialect + "]";
    }
}
