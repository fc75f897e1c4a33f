package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.http.metrics.HttpMetrics;
import dev.tokenservice.http.metrics.MetricsServlet;
import dev.tokenservice.http.metrics.RequestMetrics;
import dev.tokenservice.http.metrics.TokenMetrics;
import dev.tokenservice.http.web.ErrorResponses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;

/**
 * Metrics in the Prometheus text format at {@code GET /metrics}.
 *
 * <p>Provides: {@link PrometheusMeterRegistry} (also as {@link MeterRegistry}, for more binders: the launcher adds the
 * JVM's, the connection pool's and Jetty's thread pool's), {@link TokenMetrics} (joins the
 * {@code Multibinder<TokenEventListener>} of {@link TokenCoreModule}) and {@link HttpMetrics} (the optional binding of
 * {@link HttpModule}). Requires: {@link TokenService} (its grant types and bearer verification) and
 * {@link ErrorResponses}.
 */
public final class MetricsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
        Multibinder.newSetBinder(binder(), TokenEventListener.class).addBinding().to(TokenMetrics.class);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** The core is built with this listener, so it cannot ask the core for its grant types: the built-in ones. */
    @Provides
    @Singleton
    TokenMetrics tokenMetrics(PrometheusMeterRegistry registry) {
        return new TokenMetrics(registry, Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD));
    }

    /** Bound directly, which fills the optional binding of {@link HttpModule}. */
    @Provides
    @Singleton
    HttpMetrics httpMetrics(PrometheusMeterRegistry registry, TokenService tokens, ErrorResponses errors) {
        return new HttpMetrics(new RequestMetrics(registry, tokens.grantTypes()),
                new MetricsServlet(registry, tokens, errors));
    }
}
