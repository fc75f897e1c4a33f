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
 * contract. Builds a new handler on each call, so a server owns its own. Thread-safe.
 */
public final class HttpApplication {
    private final TokenEndpointServlet tokenEndpoint;
    private final TokenAdminServlet administration;
    private final HealthServlet health;
    private final ErrorResponses errors;
    private final JsonWriter json;

    public HttpApplication(TokenEndpointServlet tokenEndpoint, TokenAdminServlet administration, HealthServlet health,
            ErrorResponses errors, JsonWriter json) {
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.administration = Objects.requireNonNull(administration, "administration");
        this.health = Objects.requireNonNull(health, "health");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** A root context serving the contract's paths; every other path answers a JSON {@code 404}. */
    public ServletContextHandler newContextHandler() {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new RequestLogFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new ServerErrorFilter(errors)), "/*", EnumSet.of(DispatcherType.REQUEST));
        mount(context, "token", tokenEndpoint, "/oauth/token", "/token");
        mount(context, "administration", administration, AdminPath.PREFIX, AdminPath.PREFIX + "/*");
        mount(context, "health", health, "/healthz");
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
