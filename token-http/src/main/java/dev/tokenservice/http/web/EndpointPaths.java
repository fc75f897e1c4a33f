package dev.tokenservice.http.web;

/**
 * The paths of the HTTP contract, shared by the routing table that mounts the endpoints, the metadata that advertises
 * them and the endpoints that read their own path.
 */
public final class EndpointPaths {
    /** The token endpoint (RFC 6749 §3.2). */
    public static final String TOKEN = "/oauth/token";
    /** The token endpoint as the Knetik API served it. */
    public static final String TOKEN_ALIAS = "/token";
    /** The revocation endpoint (RFC 7009). */
    public static final String REVOCATION = "/oauth/revoke";
    /** The introspection endpoint (RFC 7662). */
    public static final String INTROSPECTION = "/oauth/introspect";
    /** Authorization server metadata (RFC 8414 §3). */
    public static final String METADATA = "/.well-known/oauth-authorization-server";
    /** The OpenAPI document of the HTTP API. */
    public static final String OPENAPI = "/openapi.json";
    /** The token administration API; its resources lie below. */
    public static final String ADMIN = "/auth/tokens";
    /** The health check. */
    public static final String HEALTH = "/healthz";
    /** Metrics in the Prometheus text format, for a bearer token with {@code TOKENS_ADMIN} or {@code METRICS_SCRAPE}. */
    public static final String METRICS = "/metrics";

    private EndpointPaths() { }
}
