package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.http.audit.AuditFormat;
import dev.tokenservice.http.audit.AuditLog;
import java.time.Clock;
import java.util.Objects;

/**
 * The audit log: one line per security event on the logger {@value AuditLog#LOGGER_NAME}.
 *
 * <p>Provides: {@link AuditLog} (joins the {@code Multibinder<TokenEventListener>} of {@link TokenCoreModule}).
 * Requires: {@link Clock} (from {@link TokenCoreModule}).
 */
public final class AuditModule extends AbstractModule {
    private final AuditFormat format;

    public AuditModule(AuditFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TokenEventListener.class).addBinding().to(AuditLog.class);
    }

    @Provides
    @Singleton
    AuditLog auditLog(Clock clock) {
        return new AuditLog(format, clock);
    }
}
