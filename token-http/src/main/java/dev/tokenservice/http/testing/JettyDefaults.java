package dev.tokenservice.http.testing;

/**
 * The system property default the stand-alone launcher sets for Jetty, set here for a test's JVM: without
 * {@code org.eclipse.jetty.util.referencesPerCacheLine}, Jetty starts the JMX platform server on its first start to ask
 * whether references are compressed, a cost of the first test class. 16 is right for heaps under 32 GB; a {@code -D}
 * given already wins.
 */
final class JettyDefaults {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private JettyDefaults() { }

    /** Must run before Jetty's first class loads: Jetty reads the property once. */
    static void use() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }
}
