package dev.tokenservice.http.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty schema for one test class on the PostgreSQL server of {@code TOKEN_TEST_POSTGRES_URL} (with
 * {@code TOKEN_TEST_POSTGRES_USER} and {@code TOKEN_TEST_POSTGRES_PASSWORD}), dropped after the class, as the
 * PostgreSQL runs of token-persistence use: nothing another test class reads is touched. Without the URL the class
 * is skipped with a message, except under {@code CI=true}, where it fails. Register as a static field with
 * {@code @RegisterExtension}; {@link #serverSettings()} names the schema in the server's environment variables.
 */
final class PostgresSchema implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {
    private static final String URL = "TOKEN_TEST_POSTGRES_URL";
    private static final String USER = "TOKEN_TEST_POSTGRES_USER";
    private static final String PASSWORD = "TOKEN_TEST_POSTGRES_PASSWORD";

    private String schema;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (configured() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("database available");
        }
        String skipped = "PostgreSQL tests SKIPPED: " + URL + " is not set (source .ci/postgres.sh, or export " + URL
                + ", " + USER + " and " + PASSWORD + ")";
        if (context.getTestMethod().isEmpty()) {
            System.err.println("[WARNING] " + context.getDisplayName() + ": " + skipped);
        }
        return ConditionEvaluationResult.disabled(skipped);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (!configured()) {
            Assertions.fail(URL + " is not set, but CI=true: the build must run the PostgreSQL tests against a real "
                    + "server (source .ci/postgres.sh first)");
        }
        String name = ("t_" + context.getRequiredTestClass().getSimpleName() + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + name);
        schema = name;
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            schema = null;
        }
    }

    /** {@code TOKEN_DB_URL}, {@code TOKEN_DB_USER} and {@code TOKEN_DB_PASSWORD} of a server on this schema. */
    Map<String, String> serverSettings() {
        String url = System.getenv(URL);
        return Map.of("TOKEN_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "TOKEN_DB_USER", System.getenv(USER), "TOKEN_DB_PASSWORD", System.getenv(PASSWORD));
    }

    private static boolean configured() {
        String url = System.getenv(URL);
        return url != null && !url.isBlank();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getenv(URL), System.getenv(USER),
                System.getenv(PASSWORD)); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
