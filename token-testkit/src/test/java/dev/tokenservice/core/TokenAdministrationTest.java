package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenDetails;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token administration: list, show the newest token of a pair, revoke by user and/or client. */
class TokenAdministrationTest {
    private final Client client = TestClients.confidential().build();
    private final Client publicClient = TestClients.publicClient().build();
    private final Client adminClient = TestClients.admin().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client, publicClient, adminClient)
            .with(TestUsers.alice(), TestUsers.bob());
    private final TokenSealer sealer = new AesGcmTokenSealer(randomKey());
    private final TokenServices core = ports.coreBuilder().sealer(sealer).build();
    private final TokenService service = core.tokenService();
    private final TokenAdministration administration = core.administration();
    private Administrator admin;

    /** The access tokens issued by {@link #issueOneTokenPerHolder()}, oldest first. */
    private final List<TokenResponse> issued = new ArrayList<>();

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * Four holders, one minute apart: alice with the confidential client, bob with it, alice with the public client,
     * and the confidential client alone. The first three also hold a refresh token.
     */
    @BeforeEach
    void issueOneTokenPerHolder() {
        // An Administrator outlives the token it was authorized with; revoking that token leaves the four below.
        admin = administration.authorize(service.issue(TokenRequests.clientCredentials(adminClient)).accessToken());
        administration.revoke(admin, HolderSelector.client(adminClient.clientId()));
        issued.add(login(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
        ports.clock().advance(Duration.ofMinutes(1));
        issued.add(login(client, TestUsers.BOB, TestUsers.BOB_PASSWORD));
        ports.clock().advance(Duration.ofMinutes(1));
        issued.add(login(publicClient, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
        ports.clock().advance(Duration.ofMinutes(1));
        issued.add(service.issue(TokenRequests.clientCredentials(client)));
        ports.clock().advance(Duration.ofMinutes(1));
        ports.events().clear();
    }

    private TokenResponse login(Client as, Username username, String password) {
        return service.issue(TokenRequests.password(as, username, password));
    }

    private static List<TokenHolder> holders(TokenPage page) {
        return page.content().stream().map(token -> TokenHolder.of(token.clientId(), token.username())).toList();
    }

    private List<TokenHolder> storedHolders() {
        return Stream.concat(
                ports.tokens().accessTokens().stream().map(TokenHolder::of),
                ports.tokens().refreshTokens().stream().map(token -> TokenHolder.of(token.clientId(), token.username())))
                .toList();
    }

    private static TokenHolder holder(Client client, Username username) {
        return TokenHolder.of(client.clientId(), username);
    }

    @Test
    void listWhenNoFilterThenReturnsEveryLiveAccessTokenNewestFirst() {
        TokenPage page = administration.list(admin, TokenListQuery.firstPage());

        assertThat(holders(page)).containsExactly(
                holder(client, null),
                holder(publicClient, TestUsers.ALICE),
                holder(client, TestUsers.BOB),
                holder(client, TestUsers.ALICE));
        assertThat(page.totalElements()).isEqualTo(4);
    }

    @Test
    void listWhenFilteredByClientThenReturnsOnlyItsTokens() {
        TokenPage page = administration.list(admin, TokenListQuery.firstPage().withClientId(client.clientId()));

        assertThat(page.content()).extracting(TokenSummary::clientId).hasSize(3).containsOnly(client.clientId());
    }

    @Test
    void listWhenFilteredByUsernameThenReturnsOnlyTheirTokens() {
        TokenPage page = administration.list(admin, TokenListQuery.firstPage().withUsername(TestUsers.ALICE));

        assertThat(holders(page)).containsExactly(holder(publicClient, TestUsers.ALICE), holder(client, TestUsers.ALICE));
    }

    @Test
    void listWhenFilteredByClientAndUsernameThenReturnsThePairsTokens() {
        TokenPage page = administration.list(admin, 
                TokenListQuery.firstPage().withClientId(client.clientId()).withUsername(TestUsers.ALICE));

        assertThat(holders(page)).containsExactly(holder(client, TestUsers.ALICE));
    }

    @Test
    void listWhenPagedThenReturnsTheRequestedSliceAndTotals() {
        TokenPage page = administration.list(admin, TokenListQuery.firstPage().withSize(3).withPage(2));

        assertThat(holders(page)).containsExactly(holder(client, TestUsers.ALICE));
        assertThat(page.totalElements()).isEqualTo(4);
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void listWhenPagePastTheEndThenEmptyWithTotal() {
        TokenPage page = administration.list(admin, TokenListQuery.firstPage().withSize(3).withPage(5));

        assertThat(page.content()).isEmpty();
        assertThat(page.totalElements()).isEqualTo(4);
    }

    @Test
    void listWhenOrderedByIssueTimeAscendingThenOldestFirst() {
        TokenPage page = administration.list(admin, TokenListQuery.firstPage().withOrder(SortOrder.asc(TokenSortProperty.ISSUED_AT)));

        assertThat(holders(page)).containsExactly(
                holder(client, TestUsers.ALICE),
                holder(client, TestUsers.BOB),
                holder(publicClient, TestUsers.ALICE),
                holder(client, null));
    }

    @Test
    void listWhenOrderedByUsernameThenByClientThenClientTokensComeFirst() {
        TokenPage page = administration.list(admin, TokenListQuery.firstPage().withOrder(
                SortOrder.asc(TokenSortProperty.USERNAME), SortOrder.desc(TokenSortProperty.CLIENT_ID)));

        assertThat(holders(page)).containsExactly(
                holder(client, null),
                holder(publicClient, TestUsers.ALICE),
                holder(client, TestUsers.ALICE),
                holder(client, TestUsers.BOB));
    }

    @Test
    void listWhenTokensExpiredThenLeavesThemOut() {
        ports.clock().advance(Duration.ofMinutes(57));

        TokenPage page = administration.list(admin, TokenListQuery.firstPage());

        assertThat(holders(page)).containsExactly(holder(client, null), holder(publicClient, TestUsers.ALICE));
    }

    @Test
    void findLatestWhenSealingIsOnThenShowsTheValue() {
        Optional<TokenDetails> details = administration.findLatest(admin, TestUsers.ALICE, client.clientId());

        assertThat(details).isPresent();
        assertThat(details.get().value()).isEqualTo(issued.get(0).accessToken());
        assertThat(details.get().summary().username()).isEqualTo(TestUsers.ALICE);
    }

    @Test
    void findLatestWhenSealingIsOffThenShowsTheSummaryWithoutValue() {
        TokenServices digestsOnly = ports.coreBuilder().sealer(TokenSealer.NONE).build();
        TokenResponse latest = digestsOnly.tokenService().issue(
                TokenRequests.password(client, TestUsers.BOB, TestUsers.BOB_PASSWORD));

        Optional<TokenDetails> details = digestsOnly.administration().findLatest(admin, TestUsers.BOB, client.clientId());

        assertThat(details).isPresent();
        assertThat(details.get().value()).isNull();
        assertThat(details.get().summary())
                .isEqualTo(ports.tokens().findAccessToken(TokenDigest.of(latest.accessToken())).orElseThrow().summary());
    }

    @Test
    void findLatestWhenSealingSwitchedOffAfterIssueThenValueIsNull() {
        TokenAdministration digestsOnly = ports.coreBuilder().sealer(TokenSealer.NONE).build().administration();

        Optional<TokenDetails> details = digestsOnly.findLatest(admin, TestUsers.ALICE, client.clientId());

        assertThat(details).isPresent();
        assertThat(details.get().value()).isNull();
    }

    @Test
    void findLatestWhenSealedUnderAnotherKeyThenValueIsNull() {
        TokenAdministration rekeyed = ports.coreBuilder().sealer(new AesGcmTokenSealer(randomKey())).build()
                .administration();

        Optional<TokenDetails> details = rekeyed.findLatest(admin, TestUsers.ALICE, client.clientId());

        assertThat(details).isPresent();
        assertThat(details.get().value()).isNull();
    }

    @Test
    void findLatestWhenPairHasSeveralTokensThenReturnsTheNewest() {
        TokenResponse newer = login(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD);

        Optional<TokenDetails> details = administration.findLatest(admin, TestUsers.ALICE, client.clientId());

        assertThat(details).get().extracting(TokenDetails::value).isEqualTo(newer.accessToken());
    }

    @Test
    void findLatestWhenPairHasNoLiveTokenThenEmpty() {
        ports.clock().advance(Duration.ofHours(1));

        Optional<TokenDetails> details = administration.findLatest(admin, TestUsers.ALICE, client.clientId());

        assertThat(details).isEmpty();
    }

    @Test
    void revokeWhenByUserThenRevokesTheirAccessAndRefreshTokensOnly() {
        int revoked = administration.revoke(admin, HolderSelector.user(TestUsers.ALICE));

        assertThat(revoked).isEqualTo(4);
        assertThat(storedHolders()).containsExactlyInAnyOrder(
                holder(client, TestUsers.BOB), holder(client, TestUsers.BOB), holder(client, null));
    }

    @Test
    void revokeWhenByClientThenRevokesItsAccessAndRefreshTokensOnly() {
        int revoked = administration.revoke(admin, HolderSelector.client(client.clientId()));

        assertThat(revoked).isEqualTo(5);
        assertThat(storedHolders()).containsExactlyInAnyOrder(
                holder(publicClient, TestUsers.ALICE), holder(publicClient, TestUsers.ALICE));
    }

    @Test
    void revokeWhenByPairThenRevokesThePairsAccessAndRefreshTokensOnly() {
        int revoked = administration.revoke(admin, HolderSelector.pair(client.clientId(), TestUsers.ALICE));

        assertThat(revoked).isEqualTo(2);
        assertThat(storedHolders()).containsExactlyInAnyOrder(
                holder(client, TestUsers.BOB), holder(client, TestUsers.BOB),
                holder(publicClient, TestUsers.ALICE), holder(publicClient, TestUsers.ALICE),
                holder(client, null));
    }

    @Test
    void revokeWhenByUserThenTheirTokensNoLongerWork() {
        administration.revoke(admin, HolderSelector.user(TestUsers.ALICE));

        assertThat(service.verifyAccessToken(issued.get(0).accessToken())).isEmpty();
        assertThat(service.introspect(TokenRequests.introspection(client, issued.get(2).refreshToken())).active()).isFalse();
        assertThat(service.verifyAccessToken(issued.get(1).accessToken())).isPresent();
    }

    @Test
    void revokeWhenCalledThenRecordsRevokedByAdministrationWithTheCountTheAdministratorAndTheSelector() {
        HolderSelector pair = HolderSelector.pair(client.clientId(), TestUsers.BOB);

        administration.revoke(admin, pair);

        TokenSummary adminToken = admin.principal().token();
        assertThat(ports.events().assertHeard(Revoked.class, 1)).containsExactly(new Revoked(
                RevocationCause.ADMINISTRATION, 2, TokenHolder.of(adminToken.clientId(), adminToken.username()), pair,
                null, null));
    }

    @Test
    void revokeWhenOwnerHasNoTokensThenRevokesNothing() {
        int revoked = administration.revoke(admin, HolderSelector.user(Username.of("nobody")));

        assertThat(revoked).isZero();
        assertThat(ports.tokens().size()).isEqualTo(7);
    }

    @Test
    void tokenOwnerWhenNeitherUserNorClientThenIllegalArgumentException() {
        assertThatThrownBy(() -> new HolderSelector(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authorizeWhenTokenIsUnknownThenInvalidToken() {
        OAuthError error = refusalOf(TokenValue.of("no-such-token"));

        assertThat(error).isEqualTo(OAuthError.INVALID_TOKEN);
    }

    @Test
    void authorizeWhenTokenLacksTokensAdminThenInsufficientScope() {
        TokenValue userToken = issued.get(0).accessToken();

        OAuthError error = refusalOf(userToken);

        assertThat(error).isEqualTo(OAuthError.INSUFFICIENT_SCOPE);
    }

    @Test
    void authorizeWhenAdminClientWasDeletedThenInvalidToken() {
        TokenValue adminToken = service.issue(TokenRequests.clientCredentials(adminClient)).accessToken();
        ports.clients().delete(adminClient.clientId());

        OAuthError error = refusalOf(adminToken);

        assertThat(error).isEqualTo(OAuthError.INVALID_TOKEN);
    }

    @Test
    void authorizeWhenTokenHoldsTokensAdminThenAdministratorOfThatToken() {
        TokenValue adminToken = service.issue(TokenRequests.clientCredentials(adminClient)).accessToken();

        Administrator authorized = administration.authorize(adminToken);

        assertThat(authorized.principal().token().clientId()).isEqualTo(adminClient.clientId());
        assertThat(authorized.principal().hasAuthority(Authority.TOKENS_ADMIN)).isTrue();
    }

    private OAuthError refusalOf(TokenValue bearer) {
        Throwable thrown = catchThrowable(() -> administration.authorize(bearer));
        assertThat(thrown).isInstanceOf(OAuthException.class);
        return ((OAuthException) thrown).error();
    }
}
