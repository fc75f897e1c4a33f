package dev.tokenservice.http.discovery;

import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.web.EndpointPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * What the server says about itself beyond what the core knows: its issuer identifier, the base of every endpoint URL
 * in its metadata (RFC 8414 §2), the scopes it advertises, and where its documentation lives. Immutable.
 *
 * @param issuer               the public base URL, e.g. {@code https://auth.example.com}: {@code http} or {@code https},
 *                             with a host, without query, fragment or user info (RFC 8414 §2). Endpoint URLs are the
 *                             issuer (without a trailing slash) followed by the endpoint's path
 * @param scopesSupported      the scopes to advertise in {@code scopes_supported}; empty to leave the field out
 * @param serviceDocumentation the {@code service_documentation} URL; {@code null} for the issuer's
 *                             {@code /openapi.json}, the OpenAPI document of the HTTP API
 */
public record MetadataSettings(String issuer, Scope scopesSupported, String serviceDocumentation) {
    public MetadataSettings {
        requireHttpUrl(issuer, "issuer");
        Objects.requireNonNull(scopesSupported, "scopesSupported");
        if (serviceDocumentation == null) {
            serviceDocumentation = strip(issuer) + EndpointPaths.OPENAPI;
        }
        requireHttpUrl(serviceDocumentation, "service documentation");
    }

    /** Settings for {@code issuer} that advertise no scopes and document the API with its OpenAPI document. */
    public static MetadataSettings of(String issuer) {
        return new MetadataSettings(issuer, Scope.EMPTY, null);
    }

    /**
     * These settings for another issuer (a base URL a trusted proxy forwarded): the default documentation URL moves
     * with the issuer, a configured one stays.
     */
    public MetadataSettings withIssuer(String value) {
        boolean defaultDocumentation = serviceDocumentation.equals(strip(issuer) + EndpointPaths.OPENAPI);
        return new MetadataSettings(value, scopesSupported, defaultDocumentation ? null : serviceDocumentation);
    }

    /** The absolute URL of the endpoint at {@code path} (which starts with {@code /}). */
    public String endpoint(String path) {
        return strip(issuer) + path;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Checks that {@code value} is an absolute {@code http} or {@code https} URL with a host and without user info,
     * query or fragment (RFC 8414 §2 asks {@code https} of an issuer; {@code http} is allowed for local set-ups).
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static void requireHttpUrl(String value, String name) {
        Objects.requireNonNull(value, name);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(name + " must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must have a host and no user info, query or fragment");
        }
    }
}
