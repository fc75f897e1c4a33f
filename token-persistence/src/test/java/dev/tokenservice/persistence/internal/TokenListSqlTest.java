package dev.tokenservice.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.Username;
import org.junit.jupiter.api.Test;

class TokenListSqlTest {

    @Test
    void ofWhenFiltersSetThenValuesAreBoundNeverWritten() {
        TokenListQuery query = TokenListQuery.firstPage()
                .withClientId(ClientId.of("a' OR '1'='1"))
                .withUsername(Username.of("x'; DROP TABLE access_tokens; --"));

        TokenListSql sql = TokenListSql.of(query, Dialect.POSTGRESQL);

        assertThat(sql.page()).doesNotContain("'").contains("client_id = :clientId", "username = :username");
        assertThat(sql.count()).doesNotContain("'");
    }

    @Test
    void ofWhenUnfilteredOnH2ThenNoIndexServesTheLiveCondition() {
        TokenListSql sql = TokenListSql.of(TokenListQuery.firstPage(), Dialect.H2);

        assertThat(sql.page()).contains("FROM access_tokens USE INDEX () WHERE");
    }

    @Test
    void ofWhenFilteredOnH2ThenLeavesTheIndexToThePlanner() {
        TokenListSql sql = TokenListSql.of(TokenListQuery.firstPage().withClientId(ClientId.of("web.app")),
                Dialect.H2);

        assertThat(sql.page()).contains("FROM access_tokens WHERE").doesNotContain("USE INDEX");
    }

    @Test
    void ofWhenUnfilteredThenCountsAllMinusExpired() {
        TokenListSql unfiltered = TokenListSql.of(TokenListQuery.firstPage(), Dialect.POSTGRESQL);
        TokenListSql filtered = TokenListSql.of(TokenListQuery.firstPage().withUsername(Username.of("jane")),
                Dialect.POSTGRESQL);

        assertThat(unfiltered.count()).contains("expires_at <= :now").doesNotContain("username");
        assertThat(filtered.count()).contains("expires_at > :now", "username = :username");
    }

    @Test
    void ofWhenNoOrderThenNewestFirstWithTokenIdTieBreaker() {
        TokenListSql sql = TokenListSql.of(TokenListQuery.firstPage(), Dialect.POSTGRESQL);

        assertThat(sql.orderBy()).isEqualTo("issued_at DESC, token_id ASC");
    }

    @Test
    void ofWhenOrderedByUsernameThenNullsSortLowInBothDirections() {
        TokenListSql ascending = TokenListSql.of(
                TokenListQuery.firstPage().withOrder(SortOrder.asc(TokenSortProperty.USERNAME)), Dialect.H2);
        TokenListSql descending = TokenListSql.of(
                TokenListQuery.firstPage().withOrder(SortOrder.desc(TokenSortProperty.USERNAME)), Dialect.H2);

        assertThat(ascending.orderBy()).isEqualTo("username ASC NULLS FIRST, token_id ASC");
        assertThat(descending.orderBy()).isEqualTo("username DESC NULLS LAST, token_id ASC");
    }

    @Test
    void ofWhenOrderedByEveryPropertyThenEachMapsToItsWhitelistedColumn() {
        TokenListSql sql = TokenListSql.of(TokenListQuery.firstPage().withOrder(
                SortOrder.asc(TokenSortProperty.CLIENT_ID), SortOrder.desc(TokenSortProperty.EXPIRES_AT),
                SortOrder.asc(TokenSortProperty.ISSUED_AT), SortOrder.desc(TokenSortProperty.TOKEN_ID),
                SortOrder.asc(TokenSortProperty.USERNAME)), Dialect.H2);

        assertThat(sql.orderBy()).isEqualTo("client_id ASC, expires_at DESC, issued_at ASC, token_id DESC, "
                + "username ASC NULLS FIRST");
    }
}
