package dev.tokenservice.http.metrics;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.http.web.ObservedResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The outermost filter: counts every request by endpoint, grant type and outcome (the error code answered, {@code ok}
 * for a success, {@code throttled} for a {@code 429}), times the token, introspection, revocation and administration
 * endpoints into latency histograms, and counts throttled requests by endpoint. Every tag value comes from a closed
 * set known at start (grant types outside the service's are {@code other}), so a caller cannot grow the number of
 * series; meters are found by index, so a request allocates nothing for its tags. Thread-safe.
 */
public final class RequestMetrics extends HttpFilter {
    private static final long serialVersionUID = 1L;

    static final String REQUESTS = "token.service.http.requests";
    static final String DURATION = "token.service.http.request.duration";
    static final String THROTTLED = "token.service.http.throttled";
    /** The latency buckets: from a cached client_credentials answer to a slow password hash on a busy machine. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private static final String NO_GRANT = "none";
    private static final String OTHER = "other";
    private static final String OK = "ok";
    private static final String THROTTLED_OUTCOME = "throttled";
    private static final int NO_GRANT_INDEX = 0;
    private static final int OTHER_GRANT_INDEX = 1;
    private static final int OK_INDEX = 0;
    private static final int THROTTLED_INDEX = 1;
    private static final int OTHER_OUTCOME_INDEX = 2;
    private static final int STATUS_TOO_MANY_REQUESTS = 429;

    private final transient MeterRegistry registry;
    private final List<String> grants;
    private final Map<String, Integer> grantIndex = new HashMap<>();
    private final List<String> outcomes;
    private final Map<String, Integer> outcomeIndex = new HashMap<>();
    private final transient AtomicReferenceArray<Counter> requests;
    private final transient Timer[] timers;
    private final transient Counter[] throttled;

    /**
     * Registers the meters: a request counter with outcome {@code ok} for each endpoint (and each grant type at the
     * token endpoint), a timer for each timed endpoint (and grant type), a throttled counter for each endpoint.
     *
     * @param grantTypes the grant types the service answers
     */
    public RequestMetrics(MeterRegistry registry, Set<GrantType> grantTypes) {
        this.registry = Objects.requireNonNull(registry, "registry");
        List<String> grantTags = new ArrayList<>(List.of(NO_GRANT, OTHER));
        grantTypes.stream().map(GrantType::value).sorted().forEach(grantTags::add);
        this.grants = List.copyOf(grantTags);
        for (int i = OTHER_GRANT_INDEX + 1; i < grants.size(); i++) {
            grantIndex.put(grants.get(i), i);
        }
        List<String> outcomeTags = new ArrayList<>(List.of(OK, THROTTLED_OUTCOME, OTHER));
        for (OAuthError error : OAuthError.values()) {
            outcomeTags.add(error.code());
        }
        // The codes of the HTTP errors of ErrorResponses that are no OAuth error.
        outcomeTags.addAll(List.of("unauthorized", "not_found", "method_not_allowed", "server_error"));
        this.outcomes = List.copyOf(outcomeTags);
        for (int i = OTHER_OUTCOME_INDEX + 1; i < outcomes.size(); i++) {
            outcomeIndex.put(outcomes.get(i), i);
        }
        Endpoint[] endpoints = Endpoint.values();
        this.requests = new AtomicReferenceArray<>(endpoints.length * grants.size() * outcomes.size());
        this.timers = new Timer[endpoints.length * grants.size()];
        this.throttled = new Counter[endpoints.length];
        for (Endpoint endpoint : endpoints) {
            throttled[endpoint.ordinal()] = Counter.builder(THROTTLED).description("Requests answered 429")
                    .tag("endpoint", endpoint.tag()).register(registry);
            for (int grant : grantsOf(endpoint)) {
                requestCounter(endpoint, grant, OK_INDEX);
                if (endpoint.timed()) {
                    timers[endpoint.ordinal() * grants.size() + grant] = Timer.builder(DURATION)
                            .description("Time to answer a request, by endpoint and grant type")
                            .tags("endpoint", endpoint.tag(), "grant_type", grants.get(grant))
                            .serviceLevelObjectives(BUCKETS).register(registry);
                }
            }
        }
    }

    private int[] grantsOf(Endpoint endpoint) {
        if (endpoint != Endpoint.TOKEN) {
            return new int[] {NO_GRANT_INDEX};
        }
        int[] indexes = new int[grants.size() - 1];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i + 1;
        }
        return indexes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Endpoint endpoint = Endpoint.ofServletPath(request.getServletPath());
        ObservedResponse observed = new ObservedResponse(response);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, observed);
        } finally {
            record(endpoint, observed, System.nanoTime() - start);
        }
    }

    private void record(Endpoint endpoint, ObservedResponse response, long nanos) {
        int grant = endpoint != Endpoint.TOKEN ? NO_GRANT_INDEX
                : response.grantType() == null ? OTHER_GRANT_INDEX
                : grantIndex.getOrDefault(response.grantType(), OTHER_GRANT_INDEX);
        int outcome = outcome(response.getStatus(), response.error());
        if (outcome == THROTTLED_INDEX) {
            throttled[endpoint.ordinal()].increment();
        }
        requestCounter(endpoint, grant, outcome).increment();
        Timer timer = timers[endpoint.ordinal() * grants.size() + grant];
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private int outcome(int status, String error) {
        if (status == STATUS_TOO_MANY_REQUESTS) {
            return THROTTLED_INDEX;
        }
        if (error != null) {
            return outcomeIndex.getOrDefault(error, OTHER_OUTCOME_INDEX);
        }
        return status < 400 ? OK_INDEX : OTHER_OUTCOME_INDEX;
    }

    /** The counter of one (endpoint, grant, outcome), registered on first use and then found by index. */
    private Counter requestCounter(Endpoint endpoint, int grant, int outcome) {
        int index = (endpoint.ordinal() * grants.size() + grant) * outcomes.size() + outcome;
        Counter counter = requests.get(index);
        if (counter == null) {
            // A race registers the same meter twice; Micrometer hands back the one it has.
            counter = Counter.builder(REQUESTS).description("Requests by endpoint, grant type and outcome")
                    .tags("endpoint", endpoint.tag(), "grant_type", grants.get(grant), "outcome", outcomes.get(outcome))
                    .register(registry);
            requests.set(index, counter);
        }
        return counter;
    }
}
