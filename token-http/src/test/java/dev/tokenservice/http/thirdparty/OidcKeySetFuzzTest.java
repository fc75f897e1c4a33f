package dev.tokenservice.http.thirdparty;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tokenservice.core.model.ThirdPartyToken;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any answer of the provider's JWK set URL (RFC 7517 §5), read by a verifier that has no keys yet for a valid ID
 * token: an identity or a {@link dev.tokenservice.core.port.ThirdPartyTokenException}, never another exception.
 * Stored inputs: {@code OidcKeySetFuzzTestInputs/verify/}, one JWK set document each.
 */
class OidcKeySetFuzzTest {
    private static OidcFuzzing oidc;
    private static ThirdPartyToken token;

    @BeforeAll
    static void startProvider() {
        oidc = new OidcFuzzing();
        token = ThirdPartyToken.of(OidcProviderStub.sign(OidcFuzzing.KEY, new JWTClaimsSet.Builder()
                .issuer(OidcFuzzing.ISSUER).audience(OidcFuzzing.CLIENT_ID).subject("248289761001")
                .issueTime(Date.from(OidcFuzzing.NOW)).expirationTime(Date.from(OidcFuzzing.NOW.plusSeconds(3600)))
                .build()));
    }

    @AfterAll
    static void stopProvider() {
        oidc.close();
    }

    @DictionaryFile(resourcePath = "/dev/tokenservice/http/json.dict")
    @FuzzTest
    void verify(byte[] keySet) {
        oidc.provider.publishRaw(new String(keySet, StandardCharsets.UTF_8));
        oidc.verify(oidc.verifier(), token);
    }
}
