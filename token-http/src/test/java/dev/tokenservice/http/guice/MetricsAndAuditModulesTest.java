package dev.tokenservice.http.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.multibindings.Multibinder;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.http.HttpApplication;
import dev.tokenservice.http.audit.AuditFormat;
import dev.tokenservice.http.audit.AuditLog;
import dev.tokenservice.http.discovery.MetadataSettings;
import dev.tokenservice.http.metrics.HttpMetrics;
import dev.tokenservice.http.metrics.TokenMetrics;
import dev.tokenservice.testkit.RecordingEventListener;
import dev.tokenservice.testkit.TestClients;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;

class MetricsAndAuditModulesTest {
    private final InMemoryStoresModule stores = new InMemoryStoresModule();
    private final RecordingEventListener embedders = new RecordingEventListener();

    private Injector injector(AbstractModule... more) {
        AbstractModule embedder = new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), TokenEventListener.class).addBinding().toInstance(embedders);
            }
        };
        AbstractModule[] modules = new AbstractModule[more.length + 5];
        modules[0] = new TokenCoreModule();
        modules[1] = stores;
        modules[2] = new HttpModule();
        modules[3] = new MetadataModule(MetadataSettings.of("https://auth.example.com"));
        modules[4] = embedder;
        System.arraycopy(more, 0, modules, 5, more.length);
        return Guice.createInjector(modules);
    }

    private void issueOneToken(Injector injector) {
        Client client = TestClients.confidential().build();
        stores.clients.save(client);
        injector.getInstance(TokenServices.class).tokenService()
                .issue(new TokenRequest(GrantType.CLIENT_CREDENTIALS, TestClients.credentials(client), Map.of()));
    }

    @Test
    void injectorWhenMetricsAndAuditModulesThenTheCoreTellsEveryListener() {
        Injector injector = injector(new MetricsModule(), new AuditModule(AuditFormat.JSON));

        issueOneToken(injector);

        assertThat(injector.getInstance(PrometheusMeterRegistry.class).get("token.service.tokens.issued")
                .tag("grant_type", "client_credentials").counter().count()).isEqualTo(1);
        assertThat(embedders.assertHeard(TokenEventListener.Issued.class, 1)).hasSize(1);
        assertThat(injector.getInstance(AuditLog.class)).isNotNull();
        assertThat(injector.getInstance(TokenMetrics.class)).isNotNull();
    }

    @Test
    void injectorWhenMetricsModuleThenTheApplicationServesMetrics() {
        Injector injector = injector(new MetricsModule());

        ServletContextHandler context = injector.getInstance(HttpApplication.class).newContextHandler();

        assertThat(context.getServletHandler().getServlet("metrics")).isNotNull();
        assertThat(context.getServletHandler().getFilters()).hasSize(2);
    }

    @Test
    void injectorWhenNoMetricsModuleThenNoMetricsEndpointAndOnlyTheEmbeddersListener() {
        Injector injector = injector();

        issueOneToken(injector);

        assertThat(injector.getInstance(HttpApplication.class).newContextHandler().getServletHandler()
                .getServlet("metrics")).isNull();
        assertThat(injector.getInstance(TokenEventListener.class)).isSameAs(embedders);
        assertThat(injector.getExistingBinding(Key.get(HttpMetrics.class))).isNull();
    }
}
