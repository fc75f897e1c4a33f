package dev.tokenservice.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of the administration list.
 *
 * @param content       the tokens of this page, at most {@code size}
 * @param page          the 1-based page served
 * @param size          the requested page size
 * @param totalElements the number of tokens matching the filters, over all pages
 * @param order         the order applied, as requested (empty when the default applied)
 */
public record TokenPage(List<TokenSummary> content, int page, int size, long totalElements, List<SortOrder> order) {
    public TokenPage {
        content = List.copyOf(content);
        order = List.copyOf(order);
        if (page < 1 || size < 1 || totalElements < 0 || content.size() > size) {
            throw new IllegalArgumentException("inconsistent page");
        }
    }

    public static TokenPage of(TokenListQuery query, List<TokenSummary> content, long totalElements) {
        Objects.requireNonNull(query, "query");
        return new TokenPage(content, query.page(), query.size(), totalElements, query.order());
    }

    public long totalPages() {
        return (totalElements + size - 1) / size;
    }

    public boolean isFirst() {
        return page == 1;
    }

    /** True for the last page with content, and for any page past it. */
    public boolean isLast() {
        return page >= totalPages();
    }
}
