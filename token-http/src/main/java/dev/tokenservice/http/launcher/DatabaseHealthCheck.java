package dev.tokenservice.http.launcher;

import dev.tokenservice.http.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/** Healthy while a pooled connection to the database is valid. Thread-safe. */
final class DatabaseHealthCheck implements HealthCheck {
    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealthCheck(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
