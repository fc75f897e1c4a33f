package dev.tokenservice.http.thirdparty;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.model.ThirdPartyToken;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any string sent as an ID token (segments, base64url, the JOSE header's JSON, the JWT library's parsing, the key
 * lookup) ends in an identity or a {@link dev.tokenservice.core.port.ThirdPartyTokenException}, never another
 * exception, which the token endpoint would answer with a 500. Stored inputs: {@code OidcTokenVerifierFuzzTestInputs/verify/},
 * one token each.
 */
class OidcTokenVerifierFuzzTest {
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

    @FuzzTest
    void verify(byte[] token) {
        String value = new String(token, StandardCharsets.UTF_8);
        if (!value.isEmpty()) {
            oidc.verify(verifier, ThirdPartyToken.of(value));
        }
    }
}
