package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.policy.ThrottleSettings;
import java.util.Objects;

/**
 * The stand-alone server's settings of the authentication throttle, set over the default of {@link TokenCoreModule}.
 *
 * <p>Provides (overriding the default): {@link ThrottleSettings}. Requires: nothing.
 */
public final class ThrottleModule extends AbstractModule {
    private final ThrottleSettings settings;

    public ThrottleModule(ThrottleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), ThrottleSettings.class).setBinding().toInstance(settings);
    }
}
