package dev.tokenservice.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.http.web.FormDecoder;
import dev.tokenservice.http.web.FormParameters;
import java.util.function.Function;

/**
 * Any query string of the administration API ({@code order}, {@code size}, {@code page}, the filters, the delete's
 * {@code username} and {@code client_id}) yields the list query and the delete selector, or {@code invalid_request}.
 * Stored inputs: {@code AdminQueryParserFuzzTestInputs/parse/}, one raw query string each.
 */
class AdminQueryParserFuzzTest {

    @FuzzTest
    void parse(byte[] rawQuery) {
        FormParameters query;
        try {
            query = FormDecoder.decode(rawQuery);
        } catch (OAuthException e) {
            return;
        }
        TokenListQuery list = valueOrInvalidRequest(AdminQueryParser::listQuery, query);
        if (list != null) {
            assertThat(list.size()).isBetween(1, TokenListQuery.MAX_SIZE);
            assertThat(list.page()).isPositive();
            assertThat(list.order().stream().map(SortOrder::property)).doesNotHaveDuplicates();
        }
        valueOrInvalidRequest(AdminQueryParser::deleteQuery, query);
    }

    /** The parsed value; {@code null} when refused as {@code invalid_request}, the only refusal allowed. */
    private static <T> T valueOrInvalidRequest(Function<FormParameters, T> parser, FormParameters query) {
        try {
            return parser.apply(query);
        } catch (OAuthException e) {
            assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
            return null;
        }
    }
}
