package dev.tokenservice.core.model;

import java.util.Objects;

/** One ordering requirement of the administration list: a whitelisted property and a direction. */
public record SortOrder(TokenSortProperty property, SortDirection direction) {
    public SortOrder {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(direction, "direction");
    }

    public static SortOrder asc(TokenSortProperty property) {
        return new SortOrder(property, SortDirection.ASC);
    }

    public static SortOrder desc(TokenSortProperty property) {
        return new SortOrder(property, SortDirection.DESC);
    }

    public boolean ascending() {
        return direction == SortDirection.ASC;
    }
}
