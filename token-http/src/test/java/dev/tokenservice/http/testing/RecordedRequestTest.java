package dev.tokenservice.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {
    private static RecordedRequest post(String contentType, String body) {
        return new RecordedRequest("POST", "/oauth/token", null, Map.of("Content-Type", List.of(contentType)), body,
                200, Instant.EPOCH);
    }

    @Test
    void formWhenUrlEncodedThenDecodedInOrderFirstValueWinning() {
        RecordedRequest request = post("application/x-www-form-urlencoded; charset=UTF-8",
                "scope=a+b%3Ac&grant_type=password&scope=second&flag");

        assertThat(request.form()).containsExactly(Map.entry("scope", "a b:c"), Map.entry("grant_type", "password"),
                Map.entry("flag", ""));
    }

    @Test
    void formWhenBodyIsNotAFormThenEmpty() {
        assertThat(post("application/json", "{\"a\":1}").form()).isEmpty();
        assertThat(post("application/x-www-form-urlencoded", "").form()).isEmpty();
    }

    @Test
    void formWhenPercentEncodingIsBrokenThenKeepsTheRawText() {
        assertThat(post("application/x-www-form-urlencoded", "token=%zz").formParameter("token")).contains("%zz");
    }

    @Test
    void headerWhenAskedInAnyCaseThenFound() {
        RecordedRequest request = post("application/json", "");

        assertThat(request.header("CONTENT-TYPE")).contains("application/json");
        assertThat(request.headers()).containsOnlyKeys("content-type");
        assertThat(request.header("authorization")).isEmpty();
    }

    @Test
    void toStringWhenBodyIsNotAFormThenShowsItsLengthOnly() {
        assertThat(post("application/json", "{\"secret\":1}").toString())
                .isEqualTo("POST /oauth/token -> 200 headers{content-type=application/json} body of 12 chars");
    }
}
