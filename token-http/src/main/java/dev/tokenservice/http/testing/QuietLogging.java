package dev.tokenservice.http.testing;

import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.helpers.NOP_FallbackServiceProvider;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps SLF4J quiet in a test that has no logging provider: without one, SLF4J prints three lines of warning when the
 * server's first logger is made. There it chooses SLF4J's own no-operation provider, which it would fall back to
 * anyway, explicitly, so that nothing is printed. A test with a provider of its own (Logback, slf4j-simple) keeps it
 * and its configuration; so does a JVM whose {@code slf4j.provider} is set. Flyway, which then logs through
 * {@code java.util.logging}, logs its migrations of the H2 option at INFO; they are left out there too, unless a level
 * is configured for it.
 */
final class QuietLogging {
    /** Held: {@code java.util.logging} keeps its loggers weakly, and would forget the level. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    static final String PROVIDER_PROPERTY = "slf4j.provider";
    /** SLF4J's own reports at INFO, e.g. that it loads the provider named by the property, are not printed. */
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private QuietLogging() { }

    /** Must run before the first SLF4J logger is made: SLF4J chooses its provider once. */
    static synchronized void withoutProviderWarning() {
        if (System.getProperty(PROVIDER_PROPERTY) != null || hasProvider()) {
            return;
        }
        if (FLYWAY.getLevel() == null) {
            FLYWAY.setLevel(Level.WARNING);
        }
        System.setProperty(PROVIDER_PROPERTY, NOP_FallbackServiceProvider.class.getName());
        if (System.getProperty(VERBOSITY_PROPERTY) == null) {
            System.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
    }

    private static boolean hasProvider() {
        return ServiceLoader.load(SLF4JServiceProvider.class, QuietLogging.class.getClassLoader()).stream()
                .findAny().isPresent();
    }
}
