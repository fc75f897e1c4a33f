package dev.tokenservice.http.launcher;

import java.io.IOException;
import java.util.Map;

/**
 * The stand-alone server's entry point ({@code java -jar token-server.jar}): reads the configuration from environment
 * variables and system properties, starts a {@link TokenServer}, and stops it gracefully on SIGTERM (or Ctrl-C). With
 * arguments it runs one of the {@link SecretCommands} instead and exits.
 */
public final class Launcher {
    /**
     * System property defaults; any {@code -D} given on the command line wins. slf4j-simple's for the server's console,
     * and Jetty's {@code referencesPerCacheLine}, the padding of its concurrent queues: without it Jetty starts the
     * JMX platform server at start to ask whether references are compressed. 16 references fill a 64-byte cache line
     * when they are compressed (heaps under 32 GB), and two lines otherwise.
     */
    private static final Map<String, String> SYSTEM_DEFAULTS = Map.of(
            "org.eclipse.jetty.util.referencesPerCacheLine", "16",
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "true",
            "org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn",
            "org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn",
            "org.slf4j.simpleLogger.log.org.flywaydb", "warn");

    private Launcher() { }

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            System.exit(SecretCommands.run(args, System.in, System.out, System.err));
            return;
        }
        useSystemDefaults();
        ServerConfig config;
        TokenServer server;
        try {
            config = ServerConfig.fromEnvironment();
            server = TokenServer.start(config, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("token server: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("token server: cannot start: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            System.exit(1);
            return;
        }
        // The JVM runs this on SIGTERM and SIGINT: Jetty first (requests in flight finish), then the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "token-server-shutdown"));
        System.out.println("Token server ready at " + server.baseUri());
    }

    /** Sets the system property defaults, before the first logger is made; a {@code -D} given already wins. */
    static void useSystemDefaults() {
        SYSTEM_DEFAULTS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}
