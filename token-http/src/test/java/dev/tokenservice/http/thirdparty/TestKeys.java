package dev.tokenservice.http.thirdparty;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Signing keys for provider stubs, generated once per test JVM (an RSA key pair takes a noticeable moment) and
 * relabelled with {@link #named} wherever a test needs another key id.
 */
public final class TestKeys {
    public static final RSAKey RSA_A = OidcProviderStub.rsaKey("a");
    public static final RSAKey RSA_B = OidcProviderStub.rsaKey("b");
    public static final RSAKey RSA_C = OidcProviderStub.rsaKey("c");
    public static final ECKey EC_A = OidcProviderStub.ecKey("ec-a");

    private TestKeys() { }

    /** {@code key} under another key id. */
    public static RSAKey named(RSAKey key, String kid) {
        return new RSAKey.Builder(key).keyID(kid).build();
    }
}
