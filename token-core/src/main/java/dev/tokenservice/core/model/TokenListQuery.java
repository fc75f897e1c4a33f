package dev.tokenservice.core.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A page request over live access tokens for administration.
 *
 * @param clientId filter: exact client id, or {@code null} for any
 * @param username filter: exact username, or {@code null} for any
 * @param page     1-based page number
 * @param size     page size, 1..{@value #MAX_SIZE}
 * @param order    ordering requirements in priority order; each property at most once. Empty means newest first.
 */
public record TokenListQuery(
        @Nullable ClientId clientId, @Nullable Username username, int page, int size, List<SortOrder> order) {
    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 1000;

    public TokenListQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        order = List.copyOf(order);
        Set<TokenSortProperty> seen = EnumSet.noneOf(TokenSortProperty.class);
        for (SortOrder sortOrder : order) {
            if (!seen.add(sortOrder.property())) {
                throw new IllegalArgumentException("each order property may appear once");
            }
        }
    }

    /** The first page of every live token, default size, newest first. */
    public static TokenListQuery firstPage() {
        return new TokenListQuery(null, null, 1, DEFAULT_SIZE, List.of());
    }

    public TokenListQuery withClientId(ClientId value) {
        return new TokenListQuery(value, username, page, size, order);
    }

    public TokenListQuery withUsername(Username value) {
        return new TokenListQuery(clientId, value, page, size, order);
    }

    public TokenListQuery withPage(int value) {
        return new TokenListQuery(clientId, username, value, size, order);
    }

    public TokenListQuery withSize(int value) {
        return new TokenListQuery(clientId, username, page, value, order);
    }

    public TokenListQuery withOrder(SortOrder... values) {
        return new TokenListQuery(clientId, username, page, size, List.of(values));
    }

    /** Zero-based index of the first row of this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /**
     * The complete ordering a store must apply: the requested order (newest first when none), then token id
     * ascending as a tie-breaker, so pages never overlap or skip rows.
     */
    public List<SortOrder> effectiveOrder() {
        List<SortOrder> effective = new ArrayList<>(
                order.isEmpty() ? List.of(SortOrder.desc(TokenSortProperty.ISSUED_AT)) : order);
        if (effective.stream().noneMatch(o -> o.property() == TokenSortProperty.TOKEN_ID)) {
            effective.add(SortOrder.asc(TokenSortProperty.TOKEN_ID));
        }
        return List.copyOf(effective);
    }

    /** Whether {@code token} passes this query's filters. */
    public boolean matches(TokenSummary token) {
        return (clientId == null || clientId.equals(token.clientId()))
                && (username == null || username.equals(token.username()));
    }
}
