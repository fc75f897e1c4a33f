package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.port.StorageException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a database call and turns any JDBI or driver failure into the core's {@link StorageException}, so that no
 * JDBI or SQL type crosses a port. Messages name the operation, never a value. Not API.
 */
public final class Storage {
    private static final String UNIQUE_VIOLATION = "23505";

    private Storage() {
    }

    /** The call's result; a JDBI failure becomes a {@link StorageException} saying what could not be done. */
    public static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException e) {
            throw new StorageException("could not " + operation, e);
        }
    }

    /**
     * True when {@code failure} is a violation of a primary key or unique constraint (SQLSTATE {@code 23505} on both
     * H2 and PostgreSQL): the row was there already.
     */
    public static boolean isUniqueViolation(JdbiException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
