package dev.tokenservice.http.launcher;

import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.AsyncRequestLogWriter;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded Jetty serving one handler on one HTTP/1.1 connector. Stopping is graceful unless asked otherwise: the
 * connector stops accepting, requests in flight finish (up to {@link #STOP_TIMEOUT}), idle connections get Jetty's
 * shutdown idle timeout (a second) to close, then the threads stop. Not thread-safe; one owner.
 */
final class JettyServer implements AutoCloseable {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 8;
    /** Usernames may hold '/', '%' or '.' (sent encoded); the admin servlet splits and decodes the raw URI itself. */
    private static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("token-service",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT);

    /**
     * One line per request: time, method, path, status, duration and remote address. Never the query string, a
     * header or a body, where secrets and token values travel. The request thread only formats the line; a
     * background writer prints it to stderr, so requests never queue behind the console.
     */
    static final String REQUEST_LOG_FORMAT = "%{yyyy-MM-dd'T'HH:mm:ss.SSSXXX|UTC}t access %m %U %s %{ms}Tms %{client}a";

    private static final Logger LOG = LoggerFactory.getLogger(JettyServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;

    private JettyServer(Server server, ServerConnector connector, GracefulHandler graceful) {
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
    }

    /**
     * Binds {@code host:port} (port 0: any free port) without serving yet, so that the port is known before the
     * handler is built (the default issuer names it). Connections wait in the backlog until {@link #start}.
     * {@code requestLog}: whether each request is logged ({@link #REQUEST_LOG_FORMAT}). {@code proxies}: whose
     * forwarded headers are believed ({@link TrustedProxyCustomizer}). {@code gracefulStop}: whether {@link #close()}
     * waits for requests in flight and idle connections, or stops at once.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    static JettyServer bind(String host, int port, boolean requestLog, TrustedProxyCustomizer proxies,
            boolean gracefulStop) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setUriCompliance(URI_COMPLIANCE);
        http.addCustomizer(proxies);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port, e);
        }
        GracefulHandler graceful = new GracefulHandler();
        server.setHandler(graceful);
        // 0: no graceful phase; the connections close and the threads stop at once.
        server.setStopTimeout(gracefulStop ? STOP_TIMEOUT.toMillis() : 0);
        server.setStopAtShutdown(false);
        if (requestLog) {
            server.setRequestLog(new CustomRequestLog(new AsyncRequestLogWriter(), REQUEST_LOG_FORMAT));
        }
        return new JettyServer(server, connector, graceful);
    }

    /**
     * Serves {@code handler} on the bound port, and answers the errors the server raises itself with
     * {@code errorHandler}.
     *
     * @throws IllegalStateException when Jetty does not start; everything is then stopped and the port released
     */
    void start(Handler handler, ErrorHandler errorHandler) {
        graceful.setHandler(handler);
        server.setErrorHandler(errorHandler);
        try {
            server.start();
        } catch (Exception e) {
            String address = connector.getHost() + ":" + port();
            close();
            throw new IllegalStateException("cannot serve on " + address, e);
        }
    }

    /** The port actually bound. */
    int port() {
        return connector.getLocalPort();
    }

    /** The threads that serve requests. */
    ThreadPool threadPool() {
        return server.getThreadPool();
    }

    /** Requests being handled right now. */
    long requestsInFlight() {
        return graceful.getCurrentRequestCount();
    }

    /** Whether a stop has begun: the graceful phase, in which requests in flight finish. */
    boolean stopping() {
        return server.isStopping() || server.isStopped();
    }

    /**
     * Stops gracefully (waits for requests in flight) and releases the port, started or only bound; a stop that fails
     * is logged.
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Jetty did not stop cleanly", e);
        } finally {
            connector.close();
        }
    }
}
