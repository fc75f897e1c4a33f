package dev.tokenservice.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.web.EndpointPaths;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Any raw request URI below {@code /auth/tokens} yields the decoded path segments, no resource of the administration
 * API, or {@code invalid_request}. An input is what follows {@code /auth/tokens}. Stored inputs:
 * {@code AdminPathFuzzTestInputs/parse/}.
 */
class AdminPathFuzzTest {

    @FuzzTest
    void parse(byte[] rest) {
        Optional<AdminPath> path;
        try {
            path = AdminPath.parse(EndpointPaths.ADMIN + new String(rest, StandardCharsets.UTF_8));
        } catch (OAuthException e) {
            assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
            return;
        }
        path.ifPresent(found -> {
            assertThat(found.segments()).hasSizeLessThanOrEqualTo(2);
            found.segments().forEach(segment -> assertThat(segment).isNotBlank().hasSizeLessThanOrEqualTo(256));
        });
    }
}
