package dev.tokenservice.testkit.contract;

import static dev.tokenservice.testkit.contract.ContractTokens.ALICE;
import static dev.tokenservice.testkit.contract.ContractTokens.BOB;
import static dev.tokenservice.testkit.contract.ContractTokens.CLIENT_A;
import static dev.tokenservice.testkit.contract.ContractTokens.CLIENT_B;
import static dev.tokenservice.testkit.contract.ContractTokens.access;
import static dev.tokenservice.testkit.contract.ContractTokens.pair;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TokenQuery} must have. Tokens are put in through the {@link TokenStore} that shares the
 * query's storage; extend it and return both from {@link #newStores}.
 */
public abstract class TokenQueryContract {
    protected final MutableClock clock = MutableClock.start();
    private TokenStore store;
    private TokenQuery query;

    /** A token store and the query over the same empty storage, reading time from {@code clock}. */
    public record Stores(TokenStore store, TokenQuery query) {
        public Stores {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(query, "query");
        }
    }

    /** Returns empty storage that reads the time from {@code clock}; called before every test. */
    protected abstract Stores newStores(Clock clock);

    @BeforeEach
    final void setUpStores() {
        Stores stores = newStores(clock);
        store = stores.store();
        query = stores.query();
    }

    private Instant minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    private AccessToken saveAccess(String id, ClientId client, Username user, Instant issuedAt) {
        AccessToken token = access(id, client, user, issuedAt);
        store.save(TokenPair.accessOnly(token));
        return token;
    }

    private static List<String> ids(TokenPage page) {
        return page.content().stream().map(token -> token.id().value()).toList();
    }

    @Test
    void listWhenEmptyThenEmptyFirstAndLastPage() {
        TokenPage page = query.list(TokenListQuery.firstPage());

        assertThat(page.content()).isEmpty();
        assertThat(page.totalElements()).isZero();
        assertThat(page.totalPages()).isZero();
        assertThat(page.isFirst()).isTrue();
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void listWhenNoOrderGivenThenNewestFirst() {
        saveAccess("t1", CLIENT_A, ALICE, minutesAgo(3));
        saveAccess("t2", CLIENT_A, BOB, minutesAgo(1));
        saveAccess("t3", CLIENT_B, ALICE, minutesAgo(2));

        TokenPage page = query.list(TokenListQuery.firstPage());

        assertThat(ids(page)).containsExactly("t2", "t3", "t1");
        assertThat(page.totalElements()).isEqualTo(3);
    }

    @Test
    void listWhenSavedThenSummaryCarriesTheTokensMetadata() {
        AccessToken token = saveAccess("t1", CLIENT_A, ALICE, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage());

        assertThat(page.content()).containsExactly(token.summary());
    }

    @Test
    void listWhenFilteredByClientIdThenOnlyThatClientsTokens() {
        saveAccess("t1", CLIENT_A, ALICE, minutesAgo(3));
        saveAccess("t2", CLIENT_B, ALICE, minutesAgo(2));
        saveAccess("t3", CLIENT_A, null, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage().withClientId(CLIENT_A));

        assertThat(ids(page)).containsExactly("t3", "t1");
        assertThat(page.totalElements()).isEqualTo(2);
    }

    @Test
    void listWhenFilteredByUsernameThenOnlyThatUsersTokens() {
        saveAccess("t1", CLIENT_A, ALICE, minutesAgo(3));
        saveAccess("t2", CLIENT_B, BOB, minutesAgo(2));
        saveAccess("t3", CLIENT_B, ALICE, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage().withUsername(ALICE));

        assertThat(ids(page)).containsExactly("t3", "t1");
    }

    @Test
    void listWhenFilteredByBothThenOnlyThePairsTokens() {
        saveAccess("t1", CLIENT_A, ALICE, minutesAgo(3));
        saveAccess("t2", CLIENT_B, ALICE, minutesAgo(2));
        saveAccess("t3", CLIENT_A, BOB, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage().withClientId(CLIENT_A).withUsername(ALICE));

        assertThat(ids(page)).containsExactly("t1");
        assertThat(page.totalElements()).isEqualTo(1);
    }

    @Test
    void listWhenFilterIsAPrefixOrHoldsWildcardsThenMatchesExactlyOnly() {
        saveAccess("t1", CLIENT_A, Username.of("alice"), minutesAgo(3));
        saveAccess("t2", CLIENT_A, Username.of("al%"), minutesAgo(2));
        saveAccess("t3", CLIENT_A, Username.of("a_ice"), minutesAgo(1));

        assertThat(ids(query.list(TokenListQuery.firstPage().withUsername(Username.of("ali"))))).isEmpty();
        assertThat(ids(query.list(TokenListQuery.firstPage().withUsername(Username.of("al%"))))).containsExactly("t2");
        assertThat(ids(query.list(TokenListQuery.firstPage().withUsername(Username.of("a_ice"))))).containsExactly("t3");
    }

    @Test
    void listWhenPagedThenPagesPartitionTheResultsAndReportTotals() {
        for (int i = 1; i <= 5; i++) {
            saveAccess("t" + i, CLIENT_A, ALICE, minutesAgo(10 - i));
        }
        TokenListQuery size2 = TokenListQuery.firstPage().withSize(2)
                .withOrder(SortOrder.asc(TokenSortProperty.ISSUED_AT));

        TokenPage first = query.list(size2);
        TokenPage middle = query.list(size2.withPage(2));
        TokenPage last = query.list(size2.withPage(3));

        assertThat(ids(first)).containsExactly("t1", "t2");
        assertThat(ids(middle)).containsExactly("t3", "t4");
        assertThat(ids(last)).containsExactly("t5");
        assertThat(List.of(first.totalElements(), middle.totalElements(), last.totalElements())).containsOnly(5L);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.isFirst()).isTrue();
        assertThat(middle.isFirst() || middle.isLast()).isFalse();
        assertThat(last.isLast()).isTrue();
    }

    @Test
    void listWhenPagePastTheEndThenEmptyContentAndTheTotalStillReported() {
        saveAccess("t1", CLIENT_A, ALICE, minutesAgo(2));
        saveAccess("t2", CLIENT_A, ALICE, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage().withSize(2).withPage(5));

        assertThat(page.content()).isEmpty();
        assertThat(page.totalElements()).isEqualTo(2);
        assertThat(page.page()).isEqualTo(5);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void listWhenOrderedByClientAscThenIssuedAtDescThenBothPropertiesApply() {
        saveAccess("t1", CLIENT_B, ALICE, minutesAgo(4));
        saveAccess("t2", CLIENT_A, ALICE, minutesAgo(3));
        saveAccess("t3", CLIENT_B, BOB, minutesAgo(2));
        saveAccess("t4", CLIENT_A, BOB, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage().withOrder(
                SortOrder.asc(TokenSortProperty.CLIENT_ID), SortOrder.desc(TokenSortProperty.ISSUED_AT)));

        assertThat(ids(page)).containsExactly("t4", "t2", "t3", "t1");
        assertThat(page.order()).containsExactly(
                SortOrder.asc(TokenSortProperty.CLIENT_ID), SortOrder.desc(TokenSortProperty.ISSUED_AT));
    }

    @Test
    void listWhenOrderedByUsernameAscThenTokensWithoutUserComeFirst() {
        saveAccess("t1", CLIENT_A, BOB, minutesAgo(3));
        saveAccess("t2", CLIENT_A, null, minutesAgo(2));
        saveAccess("t3", CLIENT_A, ALICE, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage().withOrder(SortOrder.asc(TokenSortProperty.USERNAME)));

        assertThat(ids(page)).containsExactly("t2", "t3", "t1");
    }

    @Test
    void listWhenOrderedByUsernameDescThenTokensWithoutUserComeLast() {
        saveAccess("t1", CLIENT_A, BOB, minutesAgo(3));
        saveAccess("t2", CLIENT_A, null, minutesAgo(2));
        saveAccess("t3", CLIENT_A, ALICE, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage().withOrder(SortOrder.desc(TokenSortProperty.USERNAME)));

        assertThat(ids(page)).containsExactly("t1", "t3", "t2");
    }

    @Test
    void listWhenOrderedByExpiresAtThenByExpiry() {
        store.save(TokenPair.accessOnly(access("t1", CLIENT_A, ALICE, minutesAgo(1), Duration.ofHours(3), null)));
        store.save(TokenPair.accessOnly(access("t2", CLIENT_A, ALICE, minutesAgo(1), Duration.ofHours(1), null)));
        store.save(TokenPair.accessOnly(access("t3", CLIENT_A, ALICE, minutesAgo(1), Duration.ofHours(2), null)));

        TokenPage page = query.list(TokenListQuery.firstPage().withOrder(SortOrder.asc(TokenSortProperty.EXPIRES_AT)));

        assertThat(ids(page)).containsExactly("t2", "t3", "t1");
    }

    @Test
    void listWhenOrderValuesTieThenTokenIdBreaksTheTieSoPagesNeverOverlap() {
        Instant same = minutesAgo(1);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            saveAccess("t" + i, CLIENT_A, ALICE, same);
            expected.add("t" + i);
        }
        TokenListQuery size3 = TokenListQuery.firstPage().withSize(3)
                .withOrder(SortOrder.asc(TokenSortProperty.CLIENT_ID));

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            seen.addAll(ids(query.list(size3.withPage(page))));
        }

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void listWhenTokensExpiredThenTheyAreNeitherListedNorCounted() {
        store.save(TokenPair.accessOnly(access("t1", CLIENT_A, ALICE, minutesAgo(90), Duration.ofHours(1), null)));
        saveAccess("t2", CLIENT_A, ALICE, minutesAgo(1));

        TokenPage page = query.list(TokenListQuery.firstPage());

        assertThat(ids(page)).containsExactly("t2");
        assertThat(page.totalElements()).isEqualTo(1);
    }

    @Test
    void listWhenRefreshTokensStoredThenOnlyAccessTokensAreListed() {
        TokenPair tokens = pair("p1", CLIENT_A, ALICE, minutesAgo(1), "f1");
        store.save(tokens);

        TokenPage page = query.list(TokenListQuery.firstPage());

        assertThat(page.content()).extracting(TokenSummary::id).containsExactly(tokens.access().id());
    }

    @Test
    void listWhenTokensRevokedThenTheyAreGoneFromTheList() {
        AccessToken token = saveAccess("t1", CLIENT_A, ALICE, minutesAgo(1));

        store.revokeAccessToken(token.digest());

        assertThat(query.list(TokenListQuery.firstPage()).totalElements()).isZero();
    }
}
