package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Any string is judged canonical or not without an exception, and a canonical one is three segments that the JDK's
 * base64url decoder reads and its encoder writes back unchanged. Stored inputs: {@code CompactJwsFuzzTestInputs/isCanonical/}.
 */
class CompactJwsFuzzTest {

    @FuzzTest
    void isCanonical(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        if (!CompactJws.isCanonical(value)) {
            return;
        }
        String[] segments = value.split("\\.", -1);
        assertThat(segments).hasSize(3);
        for (String segment : segments) {
            byte[] decoded = Base64.getUrlDecoder().decode(segment);
            assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(decoded)).isEqualTo(segment);
        }
    }
}
