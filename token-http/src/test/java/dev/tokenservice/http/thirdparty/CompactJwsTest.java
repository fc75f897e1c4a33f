package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactJwsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "QQ", "QUI", "QUJD", "-_-_", "eyJhbGciOiJSUzI1NiJ9"})
    void isCanonicalBase64UrlWhenCanonicalThenTrue(String segment) {
        assertThat(CompactJws.isCanonicalBase64Url(segment)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "+/+/",         // the standard alphabet
        "QQ==",         // padding
        "QUI=",
        "QU JD",        // blanks
        "QUJD\n",
        "Q",            // a lone character: no whole byte (length ≡ 1 mod 4)
        "QUJDR",
        "QR",           // 'R' sets a bit past the last whole byte: decodes like "QQ"
        "QUJ",          // likewise 'J' after "QU": decodes like "QUI"
        "QUJD%",
        "QUJDé"})
    void isCanonicalBase64UrlWhenNotCanonicalThenFalse(String segment) {
        assertThat(CompactJws.isCanonicalBase64Url(segment)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ.QQ.QQ", "..", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"})
    void isCanonicalWhenThreeCanonicalSegmentsThenTrue(String token) {
        assertThat(CompactJws.isCanonical(token)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "QUJD", "QQ.QQ", "QQ.QQ.QQ.QQ", "QQ.QQ.QQ.QQ.QQ", "QQ.QQ.QQ.", ".QQ.QQ.QQ", "QQ.QQ.QQ==",
        "QQ==.QQ.QQ", "QQ.Q+.QQ", "QQ.Q.QQ"})
    void isCanonicalWhenNotThreeCanonicalSegmentsThenFalse(String token) {
        assertThat(CompactJws.isCanonical(token)).isFalse();
    }
}
