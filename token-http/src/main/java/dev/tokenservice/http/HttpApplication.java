package dev.tokenservice.http;

import dev.tokenservice.http.admin.TokenAdminServlet;
import dev.tokenservice.http.health.HealthServlet;
import dev.tokenservice.http.metrics.HttpMetrics;
import dev.tokenservice.http.oauth.TokenEndpointServlet;
import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The servlets and filters of the token service mounted on one servlet context: the routing table of the HTTP
 * contract. Builds a new handler on each call, so a server owns its own. Requests are logged by the server that
 * hosts the handler (the stand-alone server uses Jetty's asynchronous request log), not here. Thread-safe.
 */
public final class HttpApplication {
    private final TokenEndpointServlet tokenEndpoint;
    private final TokenAdminServlet administration;
    private final HealthServlet health;
    private final StandardEndpoints standard;
    private final ErrorResponses errors;
    private final JsonWriter json;
    private final ClientEndpoints clients;
    private final Optional<HttpMetrics> metrics;

    public HttpApplication(TokenEndpointServlet tokenEndpoint, TokenAdminServlet administration, HealthServlet health,
            StandardEndpoints standard, ErrorResponses errors, JsonWriter json, ClientEndpoints clients) {
        this(tokenEndpoint, administration, health, standard, errors, json, clients, Optional.empty());
    }

    /** With {@code metrics}: every request counted and timed, and {@code GET /metrics} served. */
    public HttpApplication(TokenEndpointServlet tokenEndpoint, TokenAdminServlet administration, HealthServlet health,
            StandardEndpoints standard, ErrorResponses errors, JsonWriter json, ClientEndpoints clients,
            Optional<HttpMetrics> metrics) {
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.administration = Objects.requireNonNull(administration, "administration");
        this.health = Objects.requireNonNull(health, "health");
        this.standard = Objects.requireNonNull(standard, "standard");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** A root context serving the contract's paths; every other path answers a JSON {@code 404}. */
    public ServletContextHandler newContextHandler() {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        // The metrics filter first: it sees every answer, a 500 of the error filter and a 429 included.
        metrics.ifPresent(parts -> context.addFilter(new FilterHolder(parts.requests()), "/*",
                EnumSet.of(DispatcherType.REQUEST)));
        context.addFilter(new FilterHolder(new ServerErrorFilter(errors)), "/*", EnumSet.of(DispatcherType.REQUEST));
        mount(context, "token", tokenEndpoint, EndpointPaths.TOKEN, EndpointPaths.TOKEN_ALIAS,
                EndpointPaths.TOKEN_API_V2);
        mount(context, "administration", administration, EndpointPaths.ADMIN, EndpointPaths.ADMIN + "/*");
        mount(context, "health", health, EndpointPaths.HEALTH);
        mount(context, "revocation", standard.revocation(), EndpointPaths.REVOCATION);
        mount(context, "introspection", standard.introspection(), EndpointPaths.INTROSPECTION);
        mount(context, "metadata", standard.metadata(), EndpointPaths.METADATA);
        mount(context, "openapi", standard.openApi(), EndpointPaths.OPENAPI);
        mount(context, "client-administration", clients.clients(), EndpointPaths.CLIENTS,
                EndpointPaths.CLIENTS + "/*");
        mount(context, "account-link-administration", clients.accountLinks(), EndpointPaths.USERS + "/*");
        mount(context, "jwks", standard.jwks(), EndpointPaths.JWKS);
        mount(context, "signing-keys", standard.keyRotation(), EndpointPaths.SIGNING_KEYS);
        metrics.ifPresent(parts -> mount(context, "metrics", parts.scrape(), EndpointPaths.METRICS));
        mount(context, "not-found", new NotFoundServlet(errors), "/");
        // Usernames and client ids may hold '/' (sent as %2F): the admin servlets split the raw URI themselves.
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.setErrorHandler(newErrorHandler());
        return context;
    }

    /**
     * The errors the container raises itself (a malformed request line, headers too large, a failure outside the
     * servlets) in the JSON shape of every other error; for the server that hosts the context, too.
     */
    public ErrorHandler newErrorHandler() {
        return new JsonErrorHandler(errors, json);
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
