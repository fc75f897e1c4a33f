/**
 * Metrics in the Prometheus text format at {@code GET /metrics}: the request counters and latency histograms of the
 * HTTP layer ({@link dev.tokenservice.http.metrics.RequestMetrics}), the token events of the core
 * ({@link dev.tokenservice.http.metrics.TokenMetrics}), and the scrape itself
 * ({@link dev.tokenservice.http.metrics.MetricsServlet}). Micrometer lives here and in the wiring, never in the core.
 */
package dev.tokenservice.http.metrics;
