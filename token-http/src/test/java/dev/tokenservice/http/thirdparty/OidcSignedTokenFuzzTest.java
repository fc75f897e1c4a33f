package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartyToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any JOSE header and claims set, correctly signed by the provider's key, so that the checks after the signature
 * (issuer, audience, times, nonce, subject, e-mail) see every shape of JSON: an identity or a
 * {@link dev.tokenservice.core.port.ThirdPartyTokenException}, nothing else. An input is the header's bytes, a line
 * feed, the claims' bytes, and optionally a line feed and the nonce the caller expects. Stored inputs:
 * {@code OidcSignedTokenFuzzTestInputs/verify/}.
 */
class OidcSignedTokenFuzzTest {
    private static OidcFuzzing oidc;
    private static OidcTokenVerifier verifier;

    @BeforeAll
    static void startProvider() {
        oidc = new OidcFuzzing();
        verifier = oidc.verifier();
    }

    @AfterAll
    static void stopProvider() {
        oidc.close();
    }

    @DictionaryFile(resourcePath = "/dev/tokenservice/http/json.dict")
    @FuzzTest
    void verify(byte[] input) {
        int first = indexOf(input, 0);
        if (first < 0) {
            return;
        }
        int second = indexOf(input, first + 1);
        byte[] header = Arrays.copyOfRange(input, 0, first);
        byte[] claims = Arrays.copyOfRange(input, first + 1, second < 0 ? input.length : second);
        String nonce = second < 0 ? null : new String(input, second + 1, input.length - second - 1, StandardCharsets.UTF_8);
        ThirdPartyToken token = new ThirdPartyToken(OidcFuzzing.signed(header, claims), nonce);

        Optional<ThirdPartyIdentity> identity = oidc.verify(verifier, token);

        identity.ifPresent(found -> assertThat(found.provider()).isEqualTo(oidc.settings.grantType()));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
