package dev.tokenservice.persistence;

import dev.tokenservice.core.model.FailureCount;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.ThrottleStore;
import dev.tokenservice.persistence.internal.Millis;
import dev.tokenservice.persistence.internal.Storage;
import dev.tokenservice.persistence.internal.ThrottleRows;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@link ThrottleStore} on the {@code auth_failures} table, so that every server on one database counts the same
 * failures. A failure is one conditional {@code UPDATE} (read back in its transaction, under the row lock), or, for a
 * key without a row, an {@code INSERT} whose primary key lets one of several concurrent first failures in while the
 * others count theirs by the update. The counts need no durability barrier: a count lost in a crash costs an attacker's
 * next guess a shorter wait, never a caller its access. Failures of the database surface as {@link StorageException}.
 * Thread-safe.
 */
public final class JdbiThrottleStore implements ThrottleStore {
    /** An insert that lost to a concurrent one retries the update; a row deleted in between costs another round. */
    private static final int ROUNDS = 3;

    private final Jdbi jdbi;

    public JdbiThrottleStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<FailureCount> find(ThrottleKey key) {
        Objects.requireNonNull(key, "key");
        return Storage.call("read failed authentications", () -> jdbi.withHandle(handle -> handle
                .createQuery(ThrottleRows.FIND)
                .bind("key", key.value())
                .map(ThrottleRows.MAPPER)
                .findOne()));
    }

    @Override
    public FailureCount recordFailure(ThrottleKey key, Instant at, Instant restartBefore) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(restartBefore, "restartBefore");
        for (int round = 0; round < ROUNDS; round++) {
            Optional<FailureCount> counted = Storage.call("count a failed authentication",
                    () -> jdbi.inTransaction(handle -> handle.createUpdate(ThrottleRows.COUNT_FAILURE)
                            .bind("key", key.value())
                            .bind("at", Millis.of(at))
                            .bind("restart", Millis.of(restartBefore))
                            .execute() == 0
                            ? Optional.<FailureCount>empty()
                            : handle.createQuery(ThrottleRows.FIND).bind("key", key.value())
                                    .map(ThrottleRows.MAPPER).findOne()));
            if (counted.isPresent()) {
                return counted.get();
            }
            try {
                // Autocommit: on PostgreSQL a failed statement would spoil an enclosing transaction.
                jdbi.useHandle(handle -> handle.createUpdate(ThrottleRows.INSERT)
                        .bind("key", key.value())
                        .bind("at", Millis.of(at))
                        .execute());
                return new FailureCount(1, at);
            } catch (JdbiException e) {
                if (!Storage.isUniqueViolation(e)) {
                    throw new StorageException("could not count a failed authentication", e);
                }
            }
        }
        throw new StorageException("could not count a failed authentication: the key kept changing");
    }

    @Override
    public void clear(ThrottleKey key) {
        Objects.requireNonNull(key, "key");
        Storage.call("forget failed authentications", () -> jdbi.withHandle(handle -> handle
                .createUpdate(ThrottleRows.DELETE)
                .bind("key", key.value())
                .execute()));
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return Storage.call("forget old failed authentications", () -> jdbi.withHandle(handle -> handle
                .createUpdate(ThrottleRows.DELETE_BEFORE)
                .bind("cutoff", Millis.of(cutoff))
                .execute()));
    }

    @Override
    public String toString() {
        return "JdbiThrottleStore";
    }
}
