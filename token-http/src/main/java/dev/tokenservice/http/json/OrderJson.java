package dev.tokenservice.http.json;

import dev.tokenservice.core.model.SortOrder;

/**
 * One ordering requirement of a page, the Knetik API model {@code Order}: {@code property}, {@code direction}
 * ({@code ASC}|{@code DESC}), {@code ascending}, {@code descending}, {@code ignore_case}, {@code null_handling}
 * ({@code NATIVE}: the database's own placement of nulls).
 */
public record OrderJson(
        String property,
        String direction,
        boolean ascending,
        boolean descending,
        boolean ignoreCase,
        String nullHandling) {

    public static OrderJson from(SortOrder order) {
        return new OrderJson(order.property().wireName(), order.direction().name(), order.ascending(),
                !order.ascending(), false, "NATIVE");
    }
}
