package dev.tokenservice.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;

/**
 * The servlets and filters of the token service mounted on one servlet context: the routing table of the HTTP
 * contract. Builds a new handler on each call, so a server owns its own. Requests are logged by the server that
 * hosts the handler (the stand-alone server uses Jetty's asynchronous request log), not here. Thread-safe.
 */
public final class HttpApplication {
    /** The token endpoint (RFC 6749 §3.2); {@code /token} serves it too. */
    public static final String TOKEN_PATH = "/oauth/token";
    /** The revocation endpoint (RFC 7009). */
    public static final String REVOCATION_PATH = "/oauth/revoke";
    /** The introspection endpoint (RFC 7662). */
    public static final String INTROSPECTION_PATH = "/oauth/introspect";
    /** Authorization server metadata (RFC 8414 §3). */
    public static final String METADATA_PATH = "/.well-known/oauth-authorization-server";
    /** The OpenAPI document of the HTTP API. */
    public static final String OPENAPI_PATH = "/openapi.json";

    private final TokenEndpointServlet tokenEndpoint;
    private final TokenAdminServlet administration;
    private final HealthServlet health;
    private final StandardEndpoints standard;
    private final ErrorResponses errors;
    private final JsonWriter json;

    public HttpApplication(TokenEndpointServlet tokenEndpoint, TokenAdminServlet administration, HealthServlet health,
            StandardEndpoints standard, ErrorResponses errors, JsonWriter json) {
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.administration = Objects.requireNonNull(administration, "administration");
        this.health = Objects.requireNonNull(health, "health");
        this.standard = Objects.requireNonNull(standard, "standard");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** A root context serving the contract's paths; every other path answers a JSON {@code 404}. */
    public ServletContextHandler newContextHandler() {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new ServerErrorFilter(errors)), "/*", EnumSet.of(DispatcherType.REQUEST));
        mount(context, "token", tokenEndpoint, TOKEN_PATH, "/token");
        mount(context, "administration", administration, AdminPath.PREFIX, AdminPath.PREFIX + "/*");
        mount(context, "health", health, "/healthz");
        mount(context, "revocation", standard.revocation(), REVOCATION_PATH);
        mount(context, "introspection", standard.introspection(), INTROSPECTION_PATH);
        mount(context, "metadata", standard.metadata(), METADATA_PATH);
        mount(context, "openapi", standard.openApi(), OPENAPI_PATH);
        mount(context, "not-found", new NotFoundServlet(errors), "/");
        // Usernames may hold '/' (sent as %2F): the admin servlet splits the raw URI itself.
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.setErrorHandler(new JsonErrorHandler(errors, json));
        return context;
    }

    private static void mount(ServletContextHandler context, String name, HttpServlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(name, servlet);
        context.getServletHandler().addServlet(holder);
        ServletMapping mapping = new ServletMapping();
        mapping.setServletName(name);
        mapping.setPathSpecs(paths);
        context.getServletHandler().addServletMapping(mapping);
    }
}
