package dev.tokenservice.http.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.web.EndpointPaths;
import org.junit.jupiter.api.Test;

class MetadataSettingsTest {

    @Test
    void endpointWhenIssuerHasTrailingSlashThenNoDoubleSlash() {
        MetadataSettings settings = MetadataSettings.of("https://auth.example.com/");

        assertThat(settings.endpoint(EndpointPaths.TOKEN)).isEqualTo("https://auth.example.com/oauth/token");
        assertThat(settings.issuer()).isEqualTo("https://auth.example.com/");
    }

    @Test
    void endpointWhenIssuerHasPathThenEndpointsBelowIt() {
        MetadataSettings settings = MetadataSettings.of("https://example.com/tokens");

        assertThat(settings.endpoint(EndpointPaths.REVOCATION)).isEqualTo("https://example.com/tokens/oauth/revoke");
    }

    @Test
    void serviceDocumentationWhenNotGivenThenTheOpenApiDocument() {
        assertThat(MetadataSettings.of("http://localhost:8080").serviceDocumentation())
                .isEqualTo("http://localhost:8080/openapi.json");
    }

    @Test
    void serviceDocumentationWhenGivenThenKept() {
        MetadataSettings settings = new MetadataSettings("https://a.example", Scope.of("read"), "https://docs.example/api");

        assertThat(settings.serviceDocumentation()).isEqualTo("https://docs.example/api");
    }

    @Test
    void constructorWhenIssuerHasQueryFragmentOrUserInfoThenRefused() {
        for (String issuer : new String[] {"https://a.example?x=1", "https://a.example#top", "https://u:p@a.example",
                "https://a.example?"}) {
            assertThatThrownBy(() -> MetadataSettings.of(issuer)).as(issuer).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void constructorWhenIssuerIsNotAnHttpUrlThenRefused() {
        for (String issuer : new String[] {"auth.example.com", "ftp://a.example", "https://", "http ://a", "/oauth"}) {
            assertThatThrownBy(() -> MetadataSettings.of(issuer)).as(issuer).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
