package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.port.StorageException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a database call and turns any JDBI or driver failure into the core's {@link StorageException}, so that no
 * JDBI or SQL type crosses a port. Messages name the operation, never a value. Not API.
 */
public final class Storage {
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

    /** Runs the call; a JDBI failure becomes a {@link StorageException} saying what could not be done. */
    public static void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }
}
