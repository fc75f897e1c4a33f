package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenListQueryTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void withPageWhenBelowOneThenIllegalArgument(int page) {
        TokenListQuery query = TokenListQuery.firstPage();

        assertThatIllegalArgumentException().isThrownBy(() -> query.withPage(page));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, TokenListQuery.MAX_SIZE + 1})
    void withSizeWhenOutsideOneToMaxThenIllegalArgument(int size) {
        TokenListQuery query = TokenListQuery.firstPage();

        assertThatIllegalArgumentException().isThrownBy(() -> query.withSize(size));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, TokenListQuery.MAX_SIZE})
    void withSizeWhenAtTheBoundsThenAccepted(int size) {
        TokenListQuery query = TokenListQuery.firstPage();

        TokenListQuery sized = query.withSize(size);

        assertThat(sized.size()).isEqualTo(size);
    }

    @Test
    void withOrderWhenPropertyRepeatedThenIllegalArgument() {
        TokenListQuery query = TokenListQuery.firstPage();

        assertThatIllegalArgumentException().isThrownBy(() -> query.withOrder(
                SortOrder.asc(TokenSortProperty.CLIENT_ID), SortOrder.desc(TokenSortProperty.CLIENT_ID)));
    }

    @Test
    void firstPageWhenCreatedThenPageOneOfDefaultSizeUnfiltered() {
        TokenListQuery query = TokenListQuery.firstPage();

        int page = query.page();

        assertThat(page).isEqualTo(1);
        assertThat(query.size()).isEqualTo(TokenListQuery.DEFAULT_SIZE);
        assertThat(query.clientId()).isNull();
        assertThat(query.username()).isNull();
    }

    @Test
    void effectiveOrderWhenNoOrderRequestedThenNewestFirstThenTokenId() {
        TokenListQuery query = TokenListQuery.firstPage();

        List<SortOrder> order = query.effectiveOrder();

        assertThat(order).containsExactly(
                SortOrder.desc(TokenSortProperty.ISSUED_AT), SortOrder.asc(TokenSortProperty.TOKEN_ID));
    }

    @Test
    void effectiveOrderWhenOrderRequestedThenKeptAndTokenIdAppended() {
        TokenListQuery query = TokenListQuery.firstPage().withOrder(
                SortOrder.asc(TokenSortProperty.USERNAME), SortOrder.desc(TokenSortProperty.EXPIRES_AT));

        List<SortOrder> order = query.effectiveOrder();

        assertThat(order).containsExactly(SortOrder.asc(TokenSortProperty.USERNAME),
                SortOrder.desc(TokenSortProperty.EXPIRES_AT), SortOrder.asc(TokenSortProperty.TOKEN_ID));
    }

    @Test
    void effectiveOrderWhenTokenIdRequestedThenNotAppendedAgain() {
        TokenListQuery query = TokenListQuery.firstPage().withOrder(
                SortOrder.desc(TokenSortProperty.TOKEN_ID), SortOrder.asc(TokenSortProperty.CLIENT_ID));

        List<SortOrder> order = query.effectiveOrder();

        assertThat(order).containsExactly(
                SortOrder.desc(TokenSortProperty.TOKEN_ID), SortOrder.asc(TokenSortProperty.CLIENT_ID));
    }

    @Test
    void orderWhenEffectiveOrderComputedThenRequestedOrderUnchanged() {
        TokenListQuery query = TokenListQuery.firstPage();

        query.effectiveOrder();

        assertThat(query.order()).isEmpty();
    }

    @Test
    void offsetWhenThirdPageOfTenThenTwenty() {
        TokenListQuery query = TokenListQuery.firstPage().withPage(3).withSize(10);

        long offset = query.offset();

        assertThat(offset).isEqualTo(20);
    }

    @Test
    void offsetWhenHugePageThenNoIntOverflow() {
        TokenListQuery query = TokenListQuery.firstPage().withPage(Integer.MAX_VALUE).withSize(TokenListQuery.MAX_SIZE);

        long offset = query.offset();

        assertThat(offset).isEqualTo((Integer.MAX_VALUE - 1L) * TokenListQuery.MAX_SIZE);
    }

    @Test
    void matchesWhenClientFilterDiffersThenFalse() {
        TokenListQuery query = TokenListQuery.firstPage().withClientId(ClientId.of("web.app"));
        TokenSummary token = new TokenSummary(TokenId.of("t1"), ClientId.of("other"), null, Scope.EMPTY,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(1));

        boolean matches = query.matches(token);

        assertThat(matches).isFalse();
    }

    @Test
    void matchesWhenUsernameFilterSetThenClientOnlyTokenDoesNotMatch() {
        TokenListQuery query = TokenListQuery.firstPage().withUsername(Username.of("jane"));
        TokenSummary token = new TokenSummary(TokenId.of("t1"), ClientId.of("web.app"), null, Scope.EMPTY,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(1));

        boolean matches = query.matches(token);

        assertThat(matches).isFalse();
    }
}
