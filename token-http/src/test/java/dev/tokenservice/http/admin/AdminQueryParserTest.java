package dev.tokenservice.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.web.FormDecoder;
import org.junit.jupiter.api.Test;

class AdminQueryParserTest {

    private static TokenListQuery list(String query) {
        return AdminQueryParser.listQuery(FormDecoder.decodeQuery(query));
    }

    private static void assertListRefused(String query) {
        assertThatThrownBy(() -> list(query))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST));
    }

    @Test
    void listQueryWhenNoParametersThenFirstPageOfDefaultSize() {
        assertThat(list(null)).isEqualTo(TokenListQuery.firstPage());
    }

    @Test
    void listQueryWhenAllParametersThenReadsThem() {
        TokenListQuery query = list("filter_client_id=web.app&filter_username=jane%40example.com&size=10&page=3"
                + "&order=username:DESC,issued_at:asc,client_id");

        assertThat(query.clientId()).isEqualTo(ClientId.of("web.app"));
        assertThat(query.username()).isEqualTo(Username.of("jane@example.com"));
        assertThat(query.size()).isEqualTo(10);
        assertThat(query.page()).isEqualTo(3);
        assertThat(query.order()).containsExactly(SortOrder.desc(TokenSortProperty.USERNAME),
                SortOrder.asc(TokenSortProperty.ISSUED_AT), SortOrder.asc(TokenSortProperty.CLIENT_ID));
    }

    @Test
    void listQueryWhenCamelCasePropertyThenAccepted() {
        assertThat(list("order=clientId:DESC").order()).containsExactly(SortOrder.desc(TokenSortProperty.CLIENT_ID));
    }

    @Test
    void listQueryWhenEmptyFiltersThenNoFilter() {
        TokenListQuery query = list("filter_client_id=&filter_username=");

        assertThat(query.clientId()).isNull();
        assertThat(query.username()).isNull();
    }

    @Test
    void listQueryWhenSizeZeroThenRefused() {
        assertListRefused("size=0");
    }

    @Test
    void listQueryWhenSizeOverMaximumThenRefused() {
        assertListRefused("size=1001");
    }

    @Test
    void listQueryWhenSizeNotANumberThenRefused() {
        assertListRefused("size=ten");
    }

    @Test
    void listQueryWhenSizeHugeThenRefused() {
        assertListRefused("size=99999999999999999999");
    }

    @Test
    void listQueryWhenPageZeroThenRefused() {
        assertListRefused("page=0");
    }

    @Test
    void listQueryWhenPageNegativeThenRefused() {
        assertListRefused("page=-1");
    }

    @Test
    void listQueryWhenOrderPropertyOutsideWhitelistThenRefused() {
        assertListRefused("order=password:ASC");
    }

    @Test
    void listQueryWhenOrderDirectionUnknownThenRefused() {
        assertListRefused("order=username:UP");
    }

    @Test
    void listQueryWhenOrderPropertyTwiceThenRefused() {
        assertListRefused("order=username:ASC,username:DESC");
    }

    @Test
    void listQueryWhenOrderEntryEmptyThenRefused() {
        assertListRefused("order=username:ASC,");
    }

    @Test
    void listQueryWhenParameterRepeatedThenRefused() {
        assertListRefused("page=1&page=2");
    }

    @Test
    void listQueryWhenFilterTooLongThenRefused() {
        assertListRefused("filter_username=" + "u".repeat(257));
    }

    @Test
    void deleteQueryWhenBothThenPair() {
        HolderSelector selector = AdminQueryParser.deleteQuery(FormDecoder.decodeQuery("username=jane&client_id=web"));

        assertThat(selector).isEqualTo(HolderSelector.pair(ClientId.of("web"), Username.of("jane")));
    }

    @Test
    void deleteQueryWhenClientOnlyThenClient() {
        HolderSelector selector = AdminQueryParser.deleteQuery(FormDecoder.decodeQuery("client_id=web"));

        assertThat(selector).isEqualTo(HolderSelector.client(ClientId.of("web")));
    }

    @Test
    void deleteQueryWhenNeitherThenRefused() {
        assertThatThrownBy(() -> AdminQueryParser.deleteQuery(FormDecoder.decodeQuery("username=&client_id=")))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST));
    }
}
