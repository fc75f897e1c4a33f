package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.policy.IssuanceSettings;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.http.health.HealthCheck;
import java.time.Duration;
import java.util.Objects;

/**
 * The stand-alone server's choices, resolved from its configuration by the launcher, set over the defaults of
 * {@link TokenCoreModule} and {@link HttpModule}.
 *
 * <p>Provides (overriding defaults): {@link TokenSealer}, {@link IssuanceSettings}, {@link HealthCheck},
 * {@code @ClientCacheTtl Duration} (of {@link PersistenceModule}). Requires: nothing.
 */
public final class ServerModule extends AbstractModule {
    private final TokenSealer sealer;
    private final IssuanceSettings issuance;
    private final HealthCheck health;
    private final Duration clientCacheTtl;

    public ServerModule(TokenSealer sealer, IssuanceSettings issuance, HealthCheck health, Duration clientCacheTtl) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.issuance = Objects.requireNonNull(issuance, "issuance");
        this.health = Objects.requireNonNull(health, "health");
        this.clientCacheTtl = Objects.requireNonNull(clientCacheTtl, "clientCacheTtl");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), TokenSealer.class).setBinding().toInstance(sealer);
        OptionalBinder.newOptionalBinder(binder(), IssuanceSettings.class).setBinding().toInstance(issuance);
        OptionalBinder.newOptionalBinder(binder(), HealthCheck.class).setBinding().toInstance(health);
        OptionalBinder.newOptionalBinder(binder(), Key.get(Duration.class, ClientCacheTtl.class)).setBinding()
                .toInstance(clientCacheTtl);
    }
}
