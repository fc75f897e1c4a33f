package dev.tokenservice.http.metrics;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.http.web.BearerTokenParser;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.Headers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /metrics}: every meter of the registry in the Prometheus text format (version 0.0.4), for a bearer
 * access token (RFC 6750, {@code Authorization} header only) whose holder has {@link Authority#TOKENS_ADMIN} or
 * {@link #SCRAPE_AUTHORITY}: the numbers tell how busy the service is and how often who fails, which is no one
 * else's business. Refusals are the RFC 6750 §3.1 challenges of {@link ErrorResponses}. Thread-safe.
 */
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The authority of a monitoring client that may read the metrics and nothing else. */
    public static final Authority SCRAPE_AUTHORITY = Authority.of("METRICS_SCRAPE");
    /** The Prometheus text format, version 0.0.4: what every Prometheus server reads. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient PrometheusMeterRegistry registry;
    private final transient TokenService tokens;
    private final transient ErrorResponses errors;

    public MetricsServlet(PrometheusMeterRegistry registry, TokenService tokens, ErrorResponses errors) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!"GET".equals(request.getMethod())) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), "GET"));
            return;
        }
        Optional<TokenValue> bearer;
        try {
            bearer = BearerTokenParser.parse(Headers.single(request, Headers.AUTHORIZATION));
        } catch (OAuthException e) {
            errors.write(response, errors.malformedBearer(e));
            return;
        }
        if (bearer.isEmpty()) {
            errors.write(response, errors.bearerMissing());
            return;
        }
        Optional<TokenPrincipal> principal = tokens.verifyAccessToken(bearer.get());
        if (principal.isEmpty()) {
            errors.write(response, errors.invalidToken());
            return;
        }
        if (!principal.get().hasAuthority(Authority.TOKENS_ADMIN) && !principal.get().hasAuthority(SCRAPE_AUTHORITY)) {
            errors.write(response, errors.insufficientScope(
                    "the access token lacks the TOKENS_ADMIN or METRICS_SCRAPE authority"));
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(CONTENT_TYPE);
        registry.scrape(response.getOutputStream(), CONTENT_TYPE);
    }
}
