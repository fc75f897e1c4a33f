package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.port.ThrottleStore;
import dev.tokenservice.persistence.JdbiThrottleStore;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts failed authentications in the database, so that every server on it throttles the same keys, instead of in
 * this process's memory (the default of {@link TokenCoreModule}).
 *
 * <p>Provides (overriding the default): {@link ThrottleStore}, a {@link JdbiThrottleStore}. Requires: {@link Jdbi}
 * (from {@link PersistenceModule}).
 */
public final class SharedThrottleModule extends AbstractModule {
    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), ThrottleStore.class).setBinding().to(JdbiThrottleStore.class);
    }

    @Provides
    @Singleton
    JdbiThrottleStore throttleStore(Jdbi jdbi) {
        return new JdbiThrottleStore(jdbi);
    }
}
