package dev.tokenservice.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ceiling of the HTTP load benchmark: one bare servlet on the same Jetty, with the same thread pool and HTTP
 * settings as the token server, that reads the request body and answers every request with a fixed JSON body.
 * Whatever the token server does beyond this is the product's own cost.
 *
 * <pre>java -cp benchmarks.jar dev.tokenservice.bench.CeilingServer PORT [PATH=BYTES ...]</pre>
 *
 * Each {@code PATH=BYTES} sets the size of the body answered on that path (default 256 bytes), so that every
 * scenario of the load benchmark compares with a body of the size the token server answers.
 */
public final class CeilingServer {
    private static final int DEFAULT_BODY_BYTES = 256;

    private CeilingServer() { }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CeilingServer PORT [PATH=BYTES ...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Map<String, byte[]> bodies = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            bodies.put(args[i].substring(0, equals), jsonBody(Integer.parseInt(args[i].substring(equals + 1))));
        }
        byte[] fallback = jsonBody(DEFAULT_BODY_BYTES);

        // The token server's settings (dev.tokenservice.http.launcher.JettyServer): 8 to 200 threads, no version.
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new FixedJsonServlet(bodies, fallback)), "/*");
        server.setHandler(context);
        server.start();
        System.out.println("Ceiling ready at http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    /** A JSON object of exactly {@code bytes} bytes. */
    static byte[] jsonBody(int bytes) {
        String prefix = "{\"access_token\":\"";
        String suffix = "\",\"token_type\":\"bearer\"}";
        int padding = Math.max(0, bytes - prefix.length() - suffix.length());
        return (prefix + "x".repeat(padding) + suffix).getBytes(StandardCharsets.US_ASCII);
    }

    private static final class FixedJsonServlet extends HttpServlet {
        private final transient Map<String, byte[]> bodies;
        private final transient byte[] fallback;

        FixedJsonServlet(Map<String, byte[]> bodies, byte[] fallback) {
            this.bodies = bodies;
            this.fallback = fallback;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try (InputStream in = request.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] body = bodies.getOrDefault(request.getRequestURI(), fallback);
            response.setStatus(200);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
