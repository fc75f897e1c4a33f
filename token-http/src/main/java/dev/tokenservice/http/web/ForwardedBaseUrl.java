package dev.tokenservice.http.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The public base URL of a request that came through a trusted reverse proxy, as the proxy's {@code Forwarded} or
 * {@code X-Forwarded-*} headers name it (scheme, host and port, e.g. {@code https://auth.example.com}). The server
 * that checks the proxy sets it as a request attribute, and only when no issuer is configured; the endpoints that
 * build absolute URLs read it. A request from any other peer carries none, whatever headers it sends.
 */
public final class ForwardedBaseUrl {
    /** The request attribute holding the URL, a {@link String}. */
    public static final String ATTRIBUTE = "dev.tokenservice.http.forwardedBaseUrl";

    private ForwardedBaseUrl() { }

    /** The base URL a trusted proxy forwarded with {@code request}, if any. */
    public static Optional<String> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String url ? Optional.of(url) : Optional.empty();
    }
}
