package dev.tokenservice.http.metrics;

import dev.tokenservice.http.web.EndpointPaths;

/** The endpoints the request metrics tell apart, by the servlet path a request was routed to; a closed set. */
enum Endpoint {
    TOKEN("token", true),
    INTROSPECTION("introspection", true),
    REVOCATION("revocation", true),
    ADMIN("admin", true),
    METRICS("metrics", false),
    HEALTH("health", false),
    METADATA("metadata", false),
    OPENAPI("openapi", false),
    OTHER("other", false);

    private final String tag;
    private final boolean timed;

    Endpoint(String tag, boolean timed) {
        this.tag = tag;
        this.timed = timed;
    }

    /** The value of the {@code endpoint} tag. */
    String tag() {
        return tag;
    }

    /** Whether its latency goes into a histogram. */
    boolean timed() {
        return timed;
    }

    /** The endpoint a request with this servlet path reached; {@link #OTHER} for an unknown path. */
    static Endpoint ofServletPath(String servletPath) {
        return switch (servletPath) {
            case EndpointPaths.TOKEN, EndpointPaths.TOKEN_ALIAS -> TOKEN;
            case EndpointPaths.INTROSPECTION -> INTROSPECTION;
            case EndpointPaths.REVOCATION -> REVOCATION;
            case EndpointPaths.ADMIN -> ADMIN;
            case EndpointPaths.METRICS -> METRICS;
            case EndpointPaths.HEALTH -> HEALTH;
            case EndpointPaths.METADATA -> METADATA;
            case EndpointPaths.OPENAPI -> OPENAPI;
            default -> OTHER;
        };
    }
}
