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
    /** The token endpoint at the base path of the Knetik API's second version ({@code /api/v2}, seed 003). */
    public static final String TOKEN_API_V2 = "/api/v2/token";
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
    /** The client administration API; its resources lie below. */
    public static final String CLIENTS = "/auth/clients";
    /** The users' account links of the administration API ({@code /auth/users/{username}/links}). */
    public static final String USERS = "/auth/users";
    /** The public keys of JWT access tokens (RFC 7517 §5), the metadata's {@code jwks_uri}. */
    public static final String JWKS = "/.well-known/jwks.json";
    /** The administrator's rotation of the JWT signing key. */
    public static final String SIGNING_KEYS = "/auth/signing-keys";
    /** The health check. */
    public static final String HEALTH = "/healthz";
    /** Metrics in the Prometheus text format, for a bearer token with {@code TOKENS_ADMIN} or {@code METRICS_SCRAPE}. */
    public static final String METRICS = "/metrics";

    private EndpointPaths() { }
}
