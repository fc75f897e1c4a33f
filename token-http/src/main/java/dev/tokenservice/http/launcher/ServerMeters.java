package dev.tokenservice.http.launcher;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's meters beyond its own: the JVM (memory, garbage collection, threads, classes, CPU, uptime, file
 * descriptors), Jetty's thread pool and the HikariCP pool, each through the binder its maker ships (Micrometer's for
 * the JVM and Jetty, HikariCP's own tracker for the pool). {@link #close()} stops the ones that listen to the JVM and
 * closes the registry. One owner.
 */
final class ServerMeters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMeters.class);

    private final MeterRegistry registry;
    private final JvmGcMetrics gc;
    private final JettyServerThreadPoolMetrics jetty;

    private ServerMeters(MeterRegistry registry, JvmGcMetrics gc, JettyServerThreadPoolMetrics jetty) {
        this.registry = registry;
        this.gc = gc;
        this.jetty = jetty;
    }

    static ServerMeters bind(MeterRegistry registry, ThreadPool threads, @Nullable DataSource pool) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        JettyServerThreadPoolMetrics jetty = new JettyServerThreadPoolMetrics(threads, Tags.empty());
        jetty.bindTo(registry);
        if (pool != null) {
            try {
                // HikariCP registers its pool gauges and timers on a Micrometer registry it is given.
                pool.unwrap(HikariDataSource.class).setMetricRegistry(registry);
            } catch (SQLException e) {
                LOG.warn("the connection pool is not HikariCP: no pool metrics");
            }
        }
        return new ServerMeters(registry, gc, jetty);
    }

    @Override
    public void close() {
        gc.close();
        try {
            jetty.close();
        } catch (Exception e) {
            LOG.warn("the thread pool metrics did not close cleanly", e);
        }
        registry.close();
    }
}
