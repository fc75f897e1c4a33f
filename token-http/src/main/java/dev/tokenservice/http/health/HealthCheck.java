package dev.tokenservice.http.health;

/** Tells {@code GET /healthz} whether the server can do its work (e.g. reach its database). Must be thread-safe. */
@FunctionalInterface
public interface HealthCheck {
    /** Always healthy: for servers whose stores live in memory. */
    HealthCheck ALWAYS_UP = () -> true;

    /** True when healthy; must not throw and should answer within a second or two. */
    boolean isHealthy();
}
