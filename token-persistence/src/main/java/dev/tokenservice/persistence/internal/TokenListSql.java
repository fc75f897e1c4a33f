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
 * @param source  the {@code FROM} clause, as the dialect reads the table in this order
 * @param where   the {@code WHERE} clause: live tokens plus the query's filters
 * @param orderBy the {@code ORDER BY} clause of the query's effective order
 * @param count   the statement counting the matches over all pages
 */
public record TokenListSql(String source, String where, String orderBy, String count) {
    private static final String LIVE = "expires_at > :now";

    /**
     * Without filters, live = all − expired: {@code COUNT(*)} of a whole table is kept by H2 and the expired rows
     * are the few that cleanup has not reached yet, so neither count walks the live tokens.
     */
    private static final String COUNT_ALL_LIVE = "SELECT (SELECT COUNT(*) FROM access_tokens)"
            + " - (SELECT COUNT(*) FROM access_tokens WHERE expires_at <= :now)";

    public TokenListSql {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(orderBy, "orderBy");
        Objects.requireNonNull(count, "count");
    }

    /** The statements for {@code query} on a database of this {@code dialect}. */
    public static TokenListSql of(TokenListQuery query, Dialect dialect) {
        List<String> conditions = new ArrayList<>(3);
        conditions.add(LIVE);
        if (query.clientId() != null) {
            conditions.add("client_id = :clientId");
        }
        if (query.username() != null) {
            conditions.add("username = :username");
        }
        List<String> order = new ArrayList<>();
        for (SortOrder sortOrder : query.effectiveOrder()) {
            order.add(column(sortOrder.property()) + direction(sortOrder));
        }
        boolean unfiltered = conditions.size() == 1;
        String where = String.join(" AND ", conditions);
        String source = unfiltered ? dialect.unfilteredList("access_tokens") : "access_tokens";
        String count = unfiltered ? COUNT_ALL_LIVE : "SELECT COUNT(*) FROM access_tokens WHERE " + where;
        return new TokenListSql(source, where, String.join(", ", order), count);
    }

    /** One page of summaries. */
    public String page() {
        return "SELECT " + TokenSql.SUMMARY_COLUMNS + " FROM " + source + " WHERE " + where + " ORDER BY " + orderBy
                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
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
