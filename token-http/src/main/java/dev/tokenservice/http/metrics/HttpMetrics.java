package dev.tokenservice.http.metrics;

import java.util.Objects;

/** The metrics parts of the HTTP application: the filter in front of every servlet, and the scrape endpoint. */
public record HttpMetrics(RequestMetrics requests, MetricsServlet scrape) {
    public HttpMetrics {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(scrape, "scrape");
    }
}
