package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.RefreshFamilySettings;
import dev.tokenservice.core.policy.RevocationSettings;
import dev.tokenservice.http.audit.AuditFormat;
import dev.tokenservice.http.discovery.MetadataSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void fromWhenNothingSetThenDesignDefaults() {
        ServerConfig config = ServerConfig.from(Map.of(), new Properties());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.database()).isEmpty();
        assertThat(config.sealingKey()).isNull();
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofSeconds(2_592_000));
        assertThat(config.bootstrap()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.issuerFor(8080)).isEqualTo("http://localhost:8080");
        assertThat(config.clientCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestLog()).isTrue();
        assertThat(config.refreshFamilies()).isEqualTo(RefreshFamilySettings.DEFAULT);
        assertThat(config.observability()).isEqualTo(new ObservabilityConfig(true, AuditFormat.TEXT));
    }

    @Test
    void fromWhenRefreshFamilySettingsSetThenReadsThem() {
        ServerConfig config = ServerConfig.from(
                Map.of("TOKEN_REFRESH_FAMILY_TTL", "604800", "TOKEN_REFRESH_GRACE", "30"), new Properties());

        assertThat(config.refreshFamilies()).isEqualTo(
                new RefreshFamilySettings(Duration.ofDays(7), Duration.ofSeconds(30)));
        assertThat(config.toString()).contains("refresh_family_ttl=604800s", "refresh_grace=30s");
    }

    @Test
    void fromWhenRefreshFamilyTtlZeroThenFamiliesDoNotEnd() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_REFRESH_FAMILY_TTL", "0"), new Properties());

        assertThat(config.refreshFamilies().maxLifetime()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "301", "soon"})
    void fromWhenRefreshGraceOutOfRangeThenRefusedNamingTheVariable(String value) {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_REFRESH_GRACE", value), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_REFRESH_GRACE");
    }

    @Test
    void fromWhenRefreshFamilyTtlNegativeThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_REFRESH_FAMILY_TTL", "-5"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_REFRESH_FAMILY_TTL");
    }

    @Test
    void fromWhenNoPolicySetThenTheCoreDefaults() {
        ServerConfig config = ServerConfig.from(Map.of(), new Properties());

        assertThat(config.policies()).isEqualTo(TokenPolicies.DEFAULT);
        assertThat(config.policies().issuancePolicy()).isEqualTo(LiveTokenLimit.NEW_PER_REQUEST);
        assertThat(config.policies().revocation()).isEqualTo(RevocationSettings.DEFAULT);
    }

    @Test
    void fromWhenPoliciesSetThenReadsEach() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_ISSUANCE_POLICY", "REPLACE_PREVIOUS",
                "TOKEN_DEFAULT_SCOPES", "read profile", "TOKEN_REVOKE_FAMILY_ON_REUSE", "FALSE"),
                properties("token.revoke.family.with.access.token", "true"));

        assertThat(config.policies()).isEqualTo(new TokenPolicies(LiveTokenLimit.REPLACE_PREVIOUS,
                Scope.of("read", "profile"), false, true));
    }

    @Test
    void fromWhenAPolicySettingIsNotValidThenRefusedNamingTheVariable() {
        Map<String, String> bad = Map.of("TOKEN_ISSUANCE_POLICY", "reuse", "TOKEN_DEFAULT_SCOPES", "read  write",
                "TOKEN_REVOKE_FAMILY_ON_REUSE", "yes", "TOKEN_REVOKE_FAMILY_WITH_ACCESS_TOKEN", "1");
        bad.forEach((variable, value) -> assertThatThrownBy(() -> ServerConfig.from(Map.of(variable, value),
                new Properties())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(variable));
    }

    @Test
    void fromWhenReuseLiveWithSealingOffThenRefused() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_ISSUANCE_POLICY", "REUSE_LIVE",
                "TOKEN_SEALING_KEY", "off"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_SEALING_KEY");
    }

    @Test
    void fromWhenMetricsOffAndAuditLogJsonThenReadsThem() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_METRICS", "off", "TOKEN_AUDIT_LOG", "JSON"),
                new Properties());

        assertThat(config.observability().metrics()).isFalse();
        assertThat(config.observability().audit()).contains(AuditFormat.JSON);
        assertThat(config.toString()).contains("metrics=off, audit_log=json");
    }

    @Test
    void fromWhenAuditLogOffThenNone() {
        ServerConfig config = ServerConfig.from(Map.of(), properties("token.audit.log", "off"));

        assertThat(config.observability().audit()).isEmpty();
        assertThat(config.observability().metrics()).isTrue();
    }

    @Test
    void fromWhenMetricsOrAuditLogUnknownThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_METRICS", "yes"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_METRICS");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_AUDIT_LOG", "xml"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_AUDIT_LOG");
    }

    @Test
    void withRequestLogWhenOffThenOnlyTheRequestLogChanges() {
        ServerConfig config = ServerConfig.ephemeral();

        ServerConfig quiet = config.withRequestLog(false);

        assertThat(config.requestLog()).isTrue();
        assertThat(quiet.requestLog()).isFalse();
        assertThat(quiet.withRequestLog(true)).isEqualTo(config);
        assertThat(quiet.withSealingKey("off").requestLog()).isFalse();
        assertThat(quiet.toString()).contains("request_log=off");
    }

    @Test
    void fromWhenClientCacheTtlSetThenReadsIt() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_CLIENT_CACHE_TTL", "30"), new Properties());

        assertThat(config.clientCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fromWhenClientCacheTtlZeroThenCacheDisabled() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_CLIENT_CACHE_TTL", "0"), new Properties());

        assertThat(config.clientCacheTtl()).isZero();
    }

    @Test
    void fromWhenClientCacheTtlNegativeThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_CLIENT_CACHE_TTL", "-1"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_CLIENT_CACHE_TTL");
    }

    @Test
    void fromWhenEnvironmentSetThenReadsIt() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_SERVER_PORT", "9000", "TOKEN_DB_URL", "jdbc:postgresql://db/tokens",
                "TOKEN_DB_USER", "tokens", "TOKEN_DB_PASSWORD", "pw", "TOKEN_ISSUER", "https://auth.example.com",
                "TOKEN_SEALING_KEY", "off", "TOKEN_ACCESS_TTL", "600", "TOKEN_REFRESH_TTL", "86400",
                "TOKEN_BOOTSTRAP_FILE", "/etc/tokens.json"), new Properties());

        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.database()).contains("jdbc:postgresql://db/tokens");
        assertThat(config.databaseUser()).isEqualTo("tokens");
        assertThat(config.issuerFor(9000)).isEqualTo("https://auth.example.com");
        assertThat(config.sealingKey()).isEqualTo("off");
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.refreshTokenTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(config.bootstrap()).contains(Path.of("/etc/tokens.json"));
    }

    @Test
    void fromWhenSystemPropertySetThenOverridesEnvironment() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_SERVER_PORT", "9000"),
                properties("token.server.port", "0", "token.access.ttl", "60"));

        assertThat(config.port()).isZero();
        assertThat(config.accessTokenTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void fromWhenPortNotANumberThenNamesTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_SERVER_PORT", "http"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_SERVER_PORT");
    }

    @Test
    void fromWhenPortOutOfRangeThenRefused() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_SERVER_PORT", "70000"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_SERVER_PORT");
    }

    @Test
    void fromWhenLifetimeZeroThenRefused() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_ACCESS_TTL", "0"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_ACCESS_TTL");
    }

    @Test
    void toStringWhenSecretsConfiguredThenHidesThem() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_DB_PASSWORD", "db-pass-123",
                "TOKEN_SEALING_KEY", "c2VjcmV0LWtleS1tYXRlcmlhbC0zMi1ieXRlcyEhISE="), new Properties());

        assertThat(config.toString()).doesNotContain("db-pass-123").doesNotContain("c2VjcmV0");
    }

    @Test
    void fromWhenMetadataSettingsSetThenAdvertised() {
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_ISSUER", "https://auth.example.com",
                "TOKEN_SCOPES_SUPPORTED", "read write", "TOKEN_SERVICE_DOCUMENTATION", "https://docs.example.com/tokens"),
                new Properties());

        MetadataSettings metadata = config.metadataFor(8080);

        assertThat(metadata.issuer()).isEqualTo("https://auth.example.com");
        assertThat(metadata.scopesSupported()).isEqualTo(Scope.of("read", "write"));
        assertThat(metadata.serviceDocumentation()).isEqualTo("https://docs.example.com/tokens");
    }

    @Test
    void fromWhenNoMetadataSettingsThenLocalIssuerNoScopesAndTheOpenApiDocument() {
        MetadataSettings metadata = ServerConfig.from(Map.of(), new Properties()).metadataFor(41234);

        assertThat(metadata.issuer()).isEqualTo("http://localhost:41234");
        assertThat(metadata.scopesSupported()).isEqualTo(Scope.EMPTY);
        assertThat(metadata.serviceDocumentation()).isEqualTo("http://localhost:41234/openapi.json");
    }

    @Test
    void fromWhenIssuerHasQueryThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_ISSUER", "https://auth.example.com/?tenant=1"),
                new Properties())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_ISSUER");
    }

    @Test
    void fromWhenScopesMalformedThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_SCOPES_SUPPORTED", "read  \"write\""), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_SCOPES_SUPPORTED");
    }

    @Test
    void fromWhenServiceDocumentationNotAUrlThenRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("TOKEN_SERVICE_DOCUMENTATION", "see the wiki"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKEN_SERVICE_DOCUMENTATION");
    }
}
