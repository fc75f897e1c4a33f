package dev.tokenservice.http;

import dev.tokenservice.http.discovery.AuthorizationServerMetadataServlet;
import dev.tokenservice.http.discovery.OpenApiServlet;
import dev.tokenservice.http.oauth.IntrospectionServlet;
import dev.tokenservice.http.oauth.RevocationServlet;
import java.util.Objects;

/**
 * The endpoints every OAuth 2 client and resource server looks for beside the token endpoint: revocation (RFC 7009),
 * introspection (RFC 7662), authorization server metadata (RFC 8414), and the OpenAPI document of the whole API.
 * Immutable.
 */
public record StandardEndpoints(
        RevocationServlet revocation,
        IntrospectionServlet introspection,
        AuthorizationServerMetadataServlet metadata,
        OpenApiServlet openApi) {

    public StandardEndpoints {
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(introspection, "introspection");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(openApi, "openApi");
    }
}
