package dev.tokenservice.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per request: method, path, status, duration and remote address. Never the query string, a header or
 * a body, where secrets and token values travel. Thread-safe.
 */
public final class RequestLogFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger("dev.tokenservice.http.access");
    private static final int MAX_LOGGED_PATH = 200;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {} {} {}ms {}", truncate(request.getMethod(), 16),
                        truncate(request.getRequestURI(), MAX_LOGGED_PATH), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000, request.getRemoteAddr());
            }
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
