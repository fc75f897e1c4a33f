package dev.tokenservice.http;

import dev.tokenservice.http.discovery.AuthorizationServerMetadataServlet;
import dev.tokenservice.http.discovery.OpenApiServlet;
import dev.tokenservice.http.jwt.JwksServlet;
import dev.tokenservice.http.jwt.KeyRotationServlet;
import dev.tokenservice.http.oauth.IntrospectionServlet;
import dev.tokenservice.http.oauth.RevocationServlet;
import java.util.Objects;

/**
 * The endpoints every OAuth 2 client and resource server looks for beside the token endpoint: revocation (RFC 7009),
 * introspection (RFC 7662), authorization server metadata (RFC 8414), the OpenAPI document of the whole API, the
 * public keys of JWT access tokens (RFC 7517) and the administrator's rotation of the key that signs them. Immutable.
 */
public record StandardEndpoints(
        RevocationServlet revocation,
        IntrospectionServlet introspection,
        AuthorizationServerMetadataServlet metadata,
        OpenApiServlet openApi,
        JwksServlet jwks,
        KeyRotationServlet keyRotation) {

    public StandardEndpoints {
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(introspection, "introspection");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(openApi, "openApi");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(keyRotation, "keyRotation");
    }
}
