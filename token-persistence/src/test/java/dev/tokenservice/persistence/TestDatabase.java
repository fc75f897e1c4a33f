package dev.tokenservice.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database for one test class: a fresh H2 in-memory database, or a fresh schema on the PostgreSQL
 * server named by {@code TOKEN_TEST_POSTGRES_URL} (with {@code TOKEN_TEST_POSTGRES_USER} and
 * {@code TOKEN_TEST_POSTGRES_PASSWORD}). Without that URL the PostgreSQL tests are skipped with a message, except
 * under {@code CI=true}, where a missing server fails the build. Register as a static field with
 * {@code @RegisterExtension}.
 */
final class TestDatabase implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    static final String URL_VARIABLE = "TOKEN_TEST_POSTGRES_URL";
    static final String USER_VARIABLE = "TOKEN_TEST_POSTGRES_USER";
    static final String PASSWORD_VARIABLE = "TOKEN_TEST_POSTGRES_PASSWORD";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> TABLES = List.of("access_tokens", "refresh_tokens", "clients", "users", "account_links",
            "auth_failures");

    private final boolean postgres;
    private Database database;
    private String schema;

    private TestDatabase(boolean postgres) {
        this.postgres = postgres;
    }

    /** A fresh H2 in-memory database per test class. */
    static TestDatabase h2() {
        return new TestDatabase(false);
    }

    /** A fresh schema on the test PostgreSQL server per test class. */
    static TestDatabase postgres() {
        return new TestDatabase(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String name = context.getRequiredTestClass().getSimpleName();
        database = Database.open(postgres ? postgresSchema(name) : h2Settings(name));
        database.migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (database != null) {
            database.close();
            database = null;
        }
        if (schema != null) {
            try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            schema = null;
        }
    }

    /** The class's database, emptied: every test starts without rows. */
    Database empty() {
        database().jdbi().useTransaction(handle -> TABLES.forEach(table -> handle.execute("DELETE FROM " + table)));
        return database;
    }

    /** The class's database as it is. */
    Database database() {
        if (database == null) {
            throw new IllegalStateException("register TestDatabase as a static @RegisterExtension field");
        }
        return database;
    }

    private static DatabaseSettings h2Settings(String testClass) {
        return DatabaseSettings.h2Memory(testClass + "-" + COUNTER.incrementAndGet());
    }

    private DatabaseSettings postgresSchema(String testClass) throws SQLException {
        requirePostgres();
        schema = ("t_" + testClass + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String url = System.getenv(URL_VARIABLE);
        String separator = url.contains("?") ? "&" : "?";
        return new DatabaseSettings(url + separator + "currentSchema=" + schema,
                System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
    }

    /**
     * Disables a PostgreSQL test class, with a visible message, when no server is configured on a developer's
     * machine. Under {@code CI=true} the class runs, and {@link #beforeAll} fails it: CI must never skip silently.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!postgres || postgresConfigured() || isCi()) {
            return ConditionEvaluationResult.enabled("database available");
        }
        String message = "PostgreSQL tests SKIPPED: " + URL_VARIABLE + " is not set "
                + "(source .ci/postgres.sh, or export " + URL_VARIABLE + ", " + USER_VARIABLE + " and "
                + PASSWORD_VARIABLE + ")";
        if (context.getTestMethod().isEmpty()) {
            System.err.println("[WARNING] " + context.getDisplayName() + ": " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    private static void requirePostgres() {
        if (!postgresConfigured()) {
            Assertions.fail(URL_VARIABLE + " is not set, but CI=true: the build must run the PostgreSQL tests "
                    + "against a real server (source .ci/postgres.sh first)");
        }
    }

    private static boolean postgresConfigured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(System.getenv(URL_VARIABLE),
                System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
    }
}
