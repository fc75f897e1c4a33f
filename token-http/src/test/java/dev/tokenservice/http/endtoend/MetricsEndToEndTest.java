package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.metrics.MetricsServlet;
import dev.tokenservice.http.testing.TestTokenServer;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} over a real socket: who may scrape, and that the scrape is the Prometheus text format as an
 * independent parser reads it, with counters that move as requests are made.
 */
class MetricsEndToEndTest {
    @RegisterExtension
    // The production stores: the scrape includes the connection pool's meters.
    static final TokenServerExtension server = new TokenServerExtension(TestTokenServer.builder().h2());

    private static final String MACHINE = "metrics.machine";
    private static final String MACHINE_SECRET = "machine-secret";
    private static final String SCRAPER = "prometheus";
    private static final String SCRAPER_SECRET = "scraper-secret";
    private static final String WEB = "metrics.web";
    private static final String USER = "mia";
    private static final String PASSWORD = "mia's password";

    private static WireClient client;
    private static String admin;

    @BeforeAll
    static void setUp() {
        client = new WireClient(server.baseUri());
        server.registerClient(MACHINE, MACHINE_SECRET, Scope.of("read"), GrantType.CLIENT_CREDENTIALS);
        server.registerClient(Client.builder(SCRAPER).secretHash(TokenServerExtension.hashSecret(SCRAPER_SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).authorities(MetricsServlet.SCRAPE_AUTHORITY).build());
        server.registerClient(WEB, null, Scope.of("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        server.registerUser(USER, PASSWORD);
        admin = server.adminToken();
    }

    @Test
    void scrapeWhenAdminTokenThenPrometheusTextFormatThatAParserReadsLineByLine() {
        Reply reply = client.get("/metrics", "Authorization", bearer(admin));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain").contains("version=0.0.4"));
        assertThat(reply.header("Cache-Control")).contains("no-store");
        Map<String, MetricFamily> families = parse(reply.body());
        assertThat(families).containsKeys("token_service_http_requests_total",
                "token_service_http_request_duration_seconds", "token_service_tokens_issued_total",
                "token_service_tokens_rotated_total", "token_service_tokens_revoked_total",
                "token_service_refresh_reuse_detected_total", "token_service_authentication_failures_total",
                "token_service_http_throttled_total",
                "jvm_memory_used_bytes", "jvm_gc_max_data_size_bytes", "jvm_threads_live_threads",
                "hikaricp_connections_active", "jetty_threads_current", "process_uptime_seconds");
    }

    @Test
    void scrapeWhenScrapeAuthorityThenAnswered() {
        String scraper = server.clientCredentialsToken(SCRAPER, SCRAPER_SECRET);

        Reply reply = client.get("/metrics", "Authorization", bearer(scraper));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(parse(reply.body())).containsKey("token_service_http_requests_total");
    }

    @Test
    void scrapeWhenNoTokenThen401ChallengeInJson() {
        Reply reply = client.get("/metrics");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"token-service\"");
        assertThat(reply.json().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void scrapeWhenUnknownTokenThen401InvalidToken() {
        Reply reply = client.get("/metrics", "Authorization", bearer("no-such-token"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void scrapeWhenTokenWithoutAuthorityThen403InsufficientScope() {
        String machine = server.clientCredentialsToken(MACHINE, MACHINE_SECRET);

        Reply reply = client.get("/metrics", "Authorization", bearer(machine));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .contains("error=\"insufficient_scope\""));
        assertThat(reply.json().get("error").asText()).isEqualTo("insufficient_scope");
        assertThat(reply.json().get("error_description").asText()).contains("METRICS_SCRAPE");
        assertThat(reply.body()).doesNotContain("jvm_");
    }

    @Test
    void scrapeWhenPostThen405() {
        Reply reply = client.postForm("/metrics", "", "Authorization", bearer(admin));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET");
    }

    @Test
    void countersWhenTokensIssuedAndRefusedThenTheyMove() {
        Map<String, MetricFamily> before = scrape();

        server.clientCredentialsToken(MACHINE, MACHINE_SECRET);
        Reply refused = client.postForm("/oauth/token",
                form("grant_type", "client_credentials", "client_id", MACHINE, "client_secret", "wrong"));
        Reply unsupported = client.postForm("/oauth/token",
                form("grant_type", "made_up_" + System.nanoTime(), "client_id", MACHINE, "client_secret", MACHINE_SECRET));

        Map<String, MetricFamily> after = scrape();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(delta(before, after, "token_service_tokens_issued_total", "grant_type", "client_credentials"))
                .isEqualTo(1);
        assertThat(delta(before, after, "token_service_http_requests_total",
                "endpoint", "token", "grant_type", "client_credentials", "outcome", "ok")).isEqualTo(1);
        assertThat(delta(before, after, "token_service_http_requests_total",
                "endpoint", "token", "grant_type", "client_credentials", "outcome", "invalid_client")).isEqualTo(1);
        // A grant type the service does not know is "other": a caller cannot add series.
        assertThat(delta(before, after, "token_service_http_requests_total",
                "endpoint", "token", "grant_type", "other", "outcome", "unsupported_grant_type")).isEqualTo(1);
        assertThat(delta(before, after, "token_service_authentication_failures_total", "party", "client"))
                .isEqualTo(1);
        assertThat(histogramCount(after, "endpoint", "token", "grant_type", "client_credentials")
                - histogramCount(before, "endpoint", "token", "grant_type", "client_credentials")).isEqualTo(2);
        assertThat(after.get("token_service_http_requests_total").getMetrics())
                .allSatisfy(metric -> assertThat(metric.getLabels().get("grant_type")).doesNotStartWith("made_up_"));
    }

    @Test
    void countersWhenRefreshTokenRotatedThenReusedThenRotationReuseAndRevocationMove() {
        Reply login = client.postForm("/oauth/token",
                form("grant_type", "password", "client_id", WEB, "username", USER, "password", PASSWORD));
        String refreshToken = login.json().get("refresh_token").asText();
        Map<String, MetricFamily> before = scrape();

        Reply rotated = client.postForm("/oauth/token",
                form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", refreshToken));
        Reply reused = client.postForm("/oauth/token",
                form("grant_type", "refresh_token", "client_id", WEB, "refresh_token", refreshToken));

        Map<String, MetricFamily> after = scrape();
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(delta(before, after, "token_service_tokens_rotated_total")).isEqualTo(1);
        assertThat(delta(before, after, "token_service_refresh_reuse_detected_total")).isEqualTo(1);
        // The family: two access tokens and two refresh tokens.
        assertThat(delta(before, after, "token_service_tokens_revoked_total", "cause", "refresh_token_reuse"))
                .isEqualTo(4);
        assertThat(delta(before, after, "token_service_http_requests_total",
                "endpoint", "token", "grant_type", "refresh_token", "outcome", "invalid_grant")).isEqualTo(1);
    }

    @Test
    void countersWhenAdministrationAndIntrospectionCalledThenTimedByEndpoint() {
        Map<String, MetricFamily> before = scrape();

        client.get("/auth/tokens", "Authorization", bearer(admin));
        client.get("/auth/tokens");
        client.postForm("/oauth/introspect", form("token", admin), "Authorization", bearer(admin));

        Map<String, MetricFamily> after = scrape();
        assertThat(delta(before, after, "token_service_http_requests_total",
                "endpoint", "admin", "grant_type", "none", "outcome", "ok")).isEqualTo(1);
        assertThat(delta(before, after, "token_service_http_requests_total",
                "endpoint", "admin", "grant_type", "none", "outcome", "unauthorized")).isEqualTo(1);
        assertThat(histogramCount(after, "endpoint", "admin", "grant_type", "none")
                - histogramCount(before, "endpoint", "admin", "grant_type", "none")).isEqualTo(2);
        assertThat(histogramCount(after, "endpoint", "introspection", "grant_type", "none")
                - histogramCount(before, "endpoint", "introspection", "grant_type", "none")).isEqualTo(1);
    }

    private static Map<String, MetricFamily> scrape() {
        Reply reply = client.get("/metrics", "Authorization", bearer(admin));
        assertThat(reply.status()).isEqualTo(200);
        return parse(reply.body());
    }

    /**
     * The families of a scrape, read by the Hawkular Prometheus text parser; every sample line must land in a family,
     * so a line the parser skipped fails the test.
     */
    static Map<String, MetricFamily> parse(String body) {
        Map<String, MetricFamily> families = new HashMap<>();
        long samples = 0;
        try {
            TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                assertThat(families).doesNotContainKey(family.getName());
                families.put(family.getName(), family);
                samples += family.getMetrics().stream().mapToLong(MetricsEndToEndTest::lines).sum();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long sampleLines = body.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        assertThat(samples).as("sample lines read").isEqualTo(sampleLines);
        return families;
    }

    private static long lines(Metric metric) {
        if (metric instanceof Histogram histogram) {
            return histogram.getBuckets().size() + 2;
        }
        if (metric instanceof Summary summary) {
            return summary.getQuantiles().size() + 2;
        }
        return 1;
    }

    private static double delta(Map<String, MetricFamily> before, Map<String, MetricFamily> after, String family,
            String... labels) {
        return value(after, family, labels) - value(before, family, labels);
    }

    private static double value(Map<String, MetricFamily> families, String family, String... labels) {
        return families.get(family).getMetrics().stream().filter(metric -> hasLabels(metric, labels))
                .mapToDouble(metric -> metric instanceof Counter counter ? counter.getValue()
                        : ((Gauge) metric).getValue())
                .sum();
    }

    private static long histogramCount(Map<String, MetricFamily> families, String... labels) {
        return families.get("token_service_http_request_duration_seconds").getMetrics().stream()
                .filter(metric -> hasLabels(metric, labels))
                .mapToLong(metric -> ((Histogram) metric).getSampleCount()).sum();
    }

    private static boolean hasLabels(Metric metric, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(metric.getLabels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
