package dev.tokenservice.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The failed authentications counted under one {@link ThrottleKey}.
 *
 * @param failures    how many, at least 1
 * @param lastFailure when the latest happened
 */
public record FailureCount(int failures, Instant lastFailure) {
    public FailureCount {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        Objects.requireNonNull(lastFailure, "lastFailure");
    }
}
