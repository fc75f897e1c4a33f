package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenSortProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the administration list's statements from a {@link TokenListQuery}. Column names come only from the
 * whitelist in {@link #column(TokenSortProperty)}; filter values, the time and the paging are bound parameters
 * ({@code :now}, {@code :clientId}, {@code :username}, {@code :offset}, {@code :size}). Not API.
 *
 * @param where   the {@code WHERE} clause: live tokens plus the query's filters
 * @param orderBy the {@code ORDER BY} clause of the query's effective order
 */
public record TokenListSql(String where, String orderBy) {

    public TokenListSql {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(orderBy, "orderBy");
    }

    /** The statements for {@code query}. */
    public static TokenListSql of(TokenListQuery query) {
        List<String> conditions = new ArrayList<>(3);
        conditions.add("expires_at > :now");
        query.client().ifPresent(client -> conditions.add("client_id = :clientId"));
        query.user().ifPresent(user -> conditions.add("username = :username"));
        List<String> order = new ArrayList<>();
        for (SortOrder sortOrder : query.effectiveOrder()) {
            order.add(column(sortOrder.property()) + direction(sortOrder));
        }
        return new TokenListSql(String.join(" AND ", conditions), String.join(", ", order));
    }

    /** One page of summaries. */
    public String page() {
        return "SELECT " + TokenSql.SUMMARY_COLUMNS + " FROM access_tokens WHERE " + where + " ORDER BY " + orderBy
                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
    }

    /** The number of matching tokens over all pages. */
    public String count() {
        return "SELECT COUNT(*) FROM access_tokens WHERE " + where;
    }

    /** The whitelist: each sortable property and its fixed column. */
    static String column(TokenSortProperty property) {
        return switch (property) {
            case CLIENT_ID -> "client_id";
            case USERNAME -> "username";
            case ISSUED_AT -> "issued_at";
            case EXPIRES_AT -> "expires_at";
            case TOKEN_ID -> "token_id";
        };
    }

    /**
     * The direction; for the one nullable column, nulls sort low (first when ascending, last when descending) on
     * both databases, whose defaults differ.
     */
    private static String direction(SortOrder sortOrder) {
        boolean nullable = sortOrder.property() == TokenSortProperty.USERNAME;
        if (sortOrder.ascending()) {
            return nullable ? " ASC NULLS FIRST" : " ASC";
        }
        return nullable ? " DESC NULLS LAST" : " DESC";
    }
}
