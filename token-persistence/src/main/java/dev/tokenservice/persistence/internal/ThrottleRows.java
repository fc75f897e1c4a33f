package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.FailureCount;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code auth_failures} table: its statements and a row mapper. Not API. */
public final class ThrottleRows {
    public static final String FIND = "SELECT failures, last_failure_at FROM auth_failures WHERE throttle_key = :key";
    /** One more failure; the count restarts when the last one is older than {@code :restart}; time never goes back. */
    public static final String COUNT_FAILURE = "UPDATE auth_failures SET"
            + " failures = CASE WHEN last_failure_at < :restart THEN 1 ELSE failures + 1 END,"
            + " last_failure_at = CASE WHEN last_failure_at > :at THEN last_failure_at ELSE :at END"
            + " WHERE throttle_key = :key";
    public static final String INSERT = "INSERT INTO auth_failures (throttle_key, failures, last_failure_at)"
            + " VALUES (:key, 1, :at)";
    public static final String DELETE = "DELETE FROM auth_failures WHERE throttle_key = :key";
    public static final String DELETE_BEFORE = "DELETE FROM auth_failures WHERE last_failure_at < :cutoff";

    public static final RowMapper<FailureCount> MAPPER = (row, context) ->
            new FailureCount(row.getInt("failures"), Millis.instant(row.getLong("last_failure_at")));

    private ThrottleRows() {
    }
}
