package dev.tokenservice.http;

import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.http.web.ErrorReply;
import dev.tokenservice.http.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * The catch-all: anything an endpoint did not expect (a storage failure, a bug) becomes {@code 500 server_error},
 * logged with an incident id, and never a stack trace on the wire. I/O failures (a caller that went away) are left
 * to the container. Thread-safe.
 */
final class ServerErrorFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient ErrorResponses errors;

    ServerErrorFilter(ErrorResponses errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            ErrorReply reply = errors.serverError(e);
            // Token, revocation and introspection answers are never cached, failures included.
            String path = request.getServletPath();
            boolean noStore = path.equals(EndpointPaths.TOKEN_ALIAS) || path.equals(EndpointPaths.TOKEN_API_V2)
                    || path.startsWith("/oauth/");
            errors.write(response, noStore ? reply.withNoStore() : reply);
        }
    }
}
