package dev.tokenservice.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Authorization server metadata (RFC 8414 §2), served at {@code /.well-known/oauth-authorization-server}. The server
 * has no authorization endpoint, so {@code response_types_supported} (required by RFC 8414 §2) is empty and
 * {@code authorization_endpoint} is absent. {@code scopes_supported} is omitted when empty (it is only recommended).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationServerMetadataJson(
        String issuer,
        String tokenEndpoint,
        String jwksUri,
        String revocationEndpoint,
        String introspectionEndpoint,
        List<String> grantTypesSupported,
        List<String> responseTypesSupported,
        List<String> tokenEndpointAuthMethodsSupported,
        List<String> revocationEndpointAuthMethodsSupported,
        List<String> introspectionEndpointAuthMethodsSupported,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> scopesSupported,
        String serviceDocumentation) {

    public AuthorizationServerMetadataJson {
        grantTypesSupported = List.copyOf(grantTypesSupported);
        responseTypesSupported = List.copyOf(responseTypesSupported);
        tokenEndpointAuthMethodsSupported = List.copyOf(tokenEndpointAuthMethodsSupported);
        revocationEndpointAuthMethodsSupported = List.copyOf(revocationEndpointAuthMethodsSupported);
        introspectionEndpointAuthMethodsSupported = List.copyOf(introspectionEndpointAuthMethodsSupported);
        scopesSupported = List.copyOf(scopesSupported);
    }
}
