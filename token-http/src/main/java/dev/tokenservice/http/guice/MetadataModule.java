package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import dev.tokenservice.http.discovery.MetadataSettings;
import java.util.Objects;

/**
 * Binds what the server says about itself: its issuer, advertised scopes and documentation URL.
 *
 * <p>Provides: {@link MetadataSettings}, which {@link HttpModule} requires. Requires: nothing.
 */
public final class MetadataModule extends AbstractModule {
    private final MetadataSettings settings;

    public MetadataModule(MetadataSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(MetadataSettings.class).toInstance(settings);
    }
}
