package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tokenservice.http.thirdparty.FacebookSettings;
import dev.tokenservice.http.thirdparty.OidcProviderSettings;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThirdPartyConfigTest {

    private static ThirdPartyProviders read(String... namesAndValues) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            environment.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return ServerConfig.from(environment, new Properties()).thirdPartyProviders();
    }

    @Test
    void readWhenNothingSetThenNoThirdPartyGrantAndDefaultTimeout() {
        ThirdPartyProviders providers = read();

        assertThat(providers.providers()).isEmpty();
        assertThat(providers.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void readWhenGoogleClientIdsSetThenGoogleWithItsOwnIssuersAndKeys() {
        ThirdPartyProviders providers = read("TOKEN_GOOGLE_CLIENT_IDS", "web.apps.googleusercontent.com, ios.apps.googleusercontent.com");

        assertThat(providers.grantTypes()).containsExactly("google");
        OidcProviderSettings google = (OidcProviderSettings) providers.providers().get(0);
        assertThat(google.clientIds()).containsExactlyInAnyOrder("web.apps.googleusercontent.com",
                "ios.apps.googleusercontent.com");
        assertThat(google.issuers()).containsExactlyInAnyOrder("https://accounts.google.com", "accounts.google.com");
        assertThat(google.jwksUri()).isEqualTo(URI.create("https://www.googleapis.com/oauth2/v3/certs"));
        assertThat(google.createUsers()).isTrue();
    }

    @Test
    void readWhenGoogleEndpointsOverriddenThenUsed() {
        ThirdPartyProviders providers = read("TOKEN_GOOGLE_CLIENT_IDS", "web", "TOKEN_GOOGLE_ISSUERS", "http://127.0.0.1:9999",
                "TOKEN_GOOGLE_JWKS_URL", "http://127.0.0.1:9999/jwks", "TOKEN_GOOGLE_CREATE_USERS", "false");

        OidcProviderSettings google = (OidcProviderSettings) providers.providers().get(0);
        assertThat(google.issuers()).containsExactly("http://127.0.0.1:9999");
        assertThat(google.jwksUri()).isEqualTo(URI.create("http://127.0.0.1:9999/jwks"));
        assertThat(google.createUsers()).isFalse();
    }

    @Test
    void readWhenFacebookAppSetThenFacebook() {
        ThirdPartyProviders providers = read("TOKEN_FACEBOOK_APP_ID", "1234", "TOKEN_FACEBOOK_APP_SECRET", "s3cret");

        FacebookSettings facebook = (FacebookSettings) providers.providers().get(0);
        assertThat(facebook.appId()).isEqualTo("1234");
        assertThat(facebook.graphUri()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(facebook.createUsers()).isTrue();
    }

    @Test
    void readWhenOpenIdProvidersListedThenEachWithItsGrantName() {
        ThirdPartyProviders providers = read("TOKEN_OIDC_PROVIDERS", "acme, corp",
                "TOKEN_OIDC_ACME_ISSUER", "https://login.acme.example", "TOKEN_OIDC_ACME_JWKS_URL",
                "https://login.acme.example/keys", "TOKEN_OIDC_ACME_CLIENT_IDS", "token-service",
                "TOKEN_OIDC_CORP_ISSUER", "https://sso.corp.example", "TOKEN_OIDC_CORP_JWKS_URL",
                "https://sso.corp.example/jwks", "TOKEN_OIDC_CORP_CLIENT_IDS", "a,b", "TOKEN_OIDC_CORP_GRANT_TYPE",
                "corp-sso", "TOKEN_OIDC_CORP_REQUIRE_NONCE", "true", "TOKEN_OIDC_CORP_CREATE_USERS", "false");

        assertThat(providers.grantTypes()).containsExactly("oidc:acme", "corp-sso");
        OidcProviderSettings corp = (OidcProviderSettings) providers.providers().get(1);
        assertThat(corp.issuers()).containsExactly("https://sso.corp.example");
        assertThat(corp.clientIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(corp.requireNonce()).isTrue();
        assertThat(corp.createUsers()).isFalse();
    }

    @Test
    void readWhenSystemPropertySetThenOverridesTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("token.provider.timeout", "2");

        ThirdPartyProviders providers = ServerConfig.from(Map.of("TOKEN_PROVIDER_TIMEOUT", "9"), properties).thirdPartyProviders();

        assertThat(providers.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void readWhenFacebookSecretMissingThenErrorNamesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_FACEBOOK_APP_ID", "1234"))
                .withMessageContaining("TOKEN_FACEBOOK_APP_SECRET");
    }

    @Test
    void readWhenGoogleEndpointWithoutClientIdsThenErrorNamesTheMissingSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_GOOGLE_JWKS_URL", "https://keys.example"))
                .withMessageContaining("TOKEN_GOOGLE_CLIENT_IDS");
    }

    @Test
    void readWhenOpenIdProviderHasOnlyItsIssuerThenItsKeysAreDiscovered() {
        ThirdPartyProviders providers = read("TOKEN_OIDC_PROVIDERS", "acme",
                "TOKEN_OIDC_ACME_ISSUER", "https://login.acme.example", "TOKEN_OIDC_ACME_CLIENT_IDS", "x");

        OidcProviderSettings acme = (OidcProviderSettings) providers.providers().get(0);
        assertThat(acme.isDiscovered()).isTrue();
        assertThat(acme.jwksUri()).isNull();
        assertThat(acme.issuers()).containsExactly("https://login.acme.example");
    }

    @Test
    void readWhenOpenIdProviderToBeDiscoveredOverPlainHttpToARemoteHostThenRefusedNamingItsSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_OIDC_PROVIDERS", "acme",
                        "TOKEN_OIDC_ACME_ISSUER", "http://login.acme.example", "TOKEN_OIDC_ACME_CLIENT_IDS", "x"))
                .withMessageContaining("TOKEN_OIDC_ACME_").withMessageContaining("https");
    }

    @Test
    void readWhenOpenIdProviderLacksItsIssuerThenErrorNamesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_OIDC_PROVIDERS", "acme",
                        "TOKEN_OIDC_ACME_CLIENT_IDS", "x"))
                .withMessageContaining("TOKEN_OIDC_ACME_ISSUER");
    }

    @Test
    void readWhenKeysServedOverPlainHttpToARemoteHostThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_GOOGLE_CLIENT_IDS", "web",
                        "TOKEN_GOOGLE_JWKS_URL", "http://keys.example/certs"))
                .withMessageContaining("https");
    }

    @Test
    void readWhenBooleanMalformedThenErrorNamesIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_GOOGLE_CLIENT_IDS", "web",
                        "TOKEN_GOOGLE_CREATE_USERS", "yes"))
                .withMessageContaining("TOKEN_GOOGLE_CREATE_USERS");
    }

    @Test
    void readWhenProviderNameMalformedThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_OIDC_PROVIDERS", "ac-me"))
                .withMessageContaining("TOKEN_OIDC_PROVIDERS");
    }

    @Test
    void readWhenTwoProvidersShareAGrantNameThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("TOKEN_GOOGLE_CLIENT_IDS", "web",
                        "TOKEN_OIDC_PROVIDERS", "acme", "TOKEN_OIDC_ACME_ISSUER", "https://a.example",
                        "TOKEN_OIDC_ACME_JWKS_URL", "https://a.example/k", "TOKEN_OIDC_ACME_CLIENT_IDS", "x",
                        "TOKEN_OIDC_ACME_GRANT_TYPE", "google"))
                .withMessageContaining("google");
    }

    @Test
    void toStringWhenFacebookConfiguredThenNoAppSecret() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_FACEBOOK_APP_ID", "1234",
                "TOKEN_FACEBOOK_APP_SECRET", "s3cret-value"), new Properties());

        assertThat(config.toString()).doesNotContain("s3cret-value").contains("facebook");
        assertThat(config.thirdPartyProviders().toString()).doesNotContain("s3cret-value");
    }

    @Test
    void settingsWhenIpv6LoopbackOverHttpThenAccepted() {
        OidcProviderSettings settings = OidcProviderSettings.of("oidc:local", "http://[::1]:8000",
                URI.create("http://[::1]:8000/jwks"), Set.of("x"), true);

        assertThat(settings.jwksUri().getHost()).isEqualTo("[::1]");
    }
}
