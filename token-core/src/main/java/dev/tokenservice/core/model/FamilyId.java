package dev.tokenservice.core.model;

import java.util.Objects;

/**
 * Names a refresh-token family: the chain of refresh tokens produced by rotation from one original grant,
 * and the access tokens issued along it. Reuse of a retired member revokes the whole family.
 */
public record FamilyId(String value) {
    public FamilyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("family id must not be blank");
        }
    }

    public static FamilyId of(String value) {
        return new FamilyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
