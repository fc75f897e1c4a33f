package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPageTest {

    private static TokenSummary token(String id) {
        Instant issued = Instant.parse("2030-01-01T00:00:00Z");
        return new TokenSummary(TokenId.of(id), ClientId.of("web.app"), null, Scope.EMPTY, issued,
                issued.plusSeconds(3600));
    }

    private static TokenPage page(int page, int size, long total) {
        return new TokenPage(List.of(), page, size, total, List.of());
    }

    @Test
    void totalPagesWhenTotalIsMultipleOfSizeThenExactQuotient() {
        TokenPage page = page(1, 10, 30);

        long totalPages = page.totalPages();

        assertThat(totalPages).isEqualTo(3);
    }

    @Test
    void totalPagesWhenTotalIsNotMultipleOfSizeThenRoundedUp() {
        TokenPage page = page(1, 10, 31);

        long totalPages = page.totalPages();

        assertThat(totalPages).isEqualTo(4);
    }

    @Test
    void totalPagesWhenNoTokensThenZero() {
        TokenPage page = page(1, 10, 0);

        long totalPages = page.totalPages();

        assertThat(totalPages).isZero();
    }

    @Test
    void isFirstWhenPageOneThenTrue() {
        TokenPage page = page(1, 10, 30);

        boolean first = page.isFirst();

        assertThat(first).isTrue();
    }

    @Test
    void isFirstWhenPageTwoThenFalse() {
        TokenPage page = page(2, 10, 30);

        boolean first = page.isFirst();

        assertThat(first).isFalse();
    }

    @Test
    void isLastWhenMiddlePageThenFalse() {
        TokenPage page = page(2, 10, 30);

        boolean last = page.isLast();

        assertThat(last).isFalse();
    }

    @Test
    void isLastWhenLastPageWithContentThenTrue() {
        TokenPage page = page(3, 10, 30);

        boolean last = page.isLast();

        assertThat(last).isTrue();
    }

    @Test
    void isLastWhenPastTheEndThenTrue() {
        TokenPage page = page(7, 10, 30);

        boolean last = page.isLast();

        assertThat(last).isTrue();
    }

    @Test
    void isLastWhenNoTokensThenFirstPageIsAlsoLast() {
        TokenPage page = page(1, 10, 0);

        boolean last = page.isLast();

        assertThat(last).isTrue();
        assertThat(page.isFirst()).isTrue();
    }

    @Test
    void constructorWhenMoreContentThanSizeThenIllegalArgument() {
        List<TokenSummary> content = List.of(token("t1"), token("t2"));

        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPage(content, 1, 1, 2, List.of()));
    }

    @Test
    void constructorWhenNegativeTotalThenIllegalArgument() {
        List<TokenSummary> content = List.of();

        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPage(content, 1, 10, -1, List.of()));
    }

    @Test
    void ofWhenQueryGivenThenCopiesPageSizeAndRequestedOrder() {
        TokenListQuery query = TokenListQuery.firstPage().withPage(2).withSize(5)
                .withOrder(SortOrder.asc(TokenSortProperty.CLIENT_ID));

        TokenPage page = TokenPage.of(query, List.of(token("t6")), 6);

        assertThat(page.page()).isEqualTo(2);
        assertThat(page.size()).isEqualTo(5);
        assertThat(page.order()).containsExactly(SortOrder.asc(TokenSortProperty.CLIENT_ID));
    }
}
