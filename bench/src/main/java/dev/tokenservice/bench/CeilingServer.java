package dev.tokenservice.bench;

import dev.tokenservice.persistence.internal.GroupCommit;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
 * <pre>java -cp benchmarks.jar dev.tokenservice.bench.CeilingServer PORT [--durable=FILE] [PATH=BYTES ...]</pre>
 *
 * Each {@code PATH=BYTES} sets the size of the body answered on that path (default 256 bytes), so that every
 * scenario of the load benchmark compares with a body of the size the token server answers.
 *
 * <p>With {@code --durable=FILE}, the <em>durable ceiling</em>: before answering, each request appends a record of
 * the size of a stored token row ({@link DurableLog#RECORD_BYTES}) to {@code FILE} and waits until it is on disk,
 * through a {@link GroupCommit} of {@code FileChannel.force(false)} (the server's own group commit, the one its token
 * journal uses). That is the least any server must do to answer a token only once it survives a crash; whatever the
 * token server does beyond it is the cost of its store.
 */
public final class CeilingServer {
    private static final int DEFAULT_BODY_BYTES = 256;
    private static final String DURABLE = "--durable=";

    private CeilingServer() { }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CeilingServer PORT [--durable=FILE] [PATH=BYTES ...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Map<String, byte[]> bodies = new HashMap<>();
        BeforeAnswer beforeAnswer = BeforeAnswer.NOTHING;
        String kind = "Ceiling";
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith(DURABLE)) {
                beforeAnswer = new DurableLog(Path.of(args[i].substring(DURABLE.length())))::append;
                kind = "Durable ceiling (" + args[i].substring(DURABLE.length()) + ")";
                continue;
            }
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
        context.addServlet(new ServletHolder(new FixedJsonServlet(bodies, fallback, beforeAnswer)), "/*");
        server.setHandler(context);
        server.start();
        System.out.println(kind + " ready at http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    /** A JSON object of exactly {@code bytes} bytes. */
    static byte[] jsonBody(int bytes) {
        String prefix = "{\"access_token\":\"";
        String suffix = "\",\"token_type\":\"bearer\"}";
        int padding = Math.max(0, bytes - prefix.length() - suffix.length());
        return (prefix + "x".repeat(padding) + suffix).getBytes(StandardCharsets.US_ASCII);
    }

    /** What a request does after its body is read and before it is answered. */
    @FunctionalInterface
    interface BeforeAnswer {
        BeforeAnswer NOTHING = () -> { };

        void run() throws IOException;
    }

    /**
     * An append-only file whose every record is durable before {@link #append()} returns. The record stands for a
     * stored access-token row of a client_credentials grant of the load benchmark, about 195 bytes of column data
     * (V2__create_token_tables.sql): the digest (base64url SHA-256, 43 characters), the token id (ULID, 26), the
     * sealed value ({@code v1.} and base64url of a 12-byte nonce, the 43-byte value and a 16-byte tag: 98), the
     * client id ({@code bench-cc}, 8), the scope ({@code read}, 4) and two epoch-millisecond instants (8 each), no
     * username or family. A refresh rotation writes more in the server (a new access and refresh row, the old refresh
     * row marked used); the durable ceiling writes one record per request whatever the scenario.
     */
    static final class DurableLog {
        static final int RECORD_BYTES = 200;

        private final FileChannel channel;
        private final GroupCommit commit;
        private final AtomicLong sequence = new AtomicLong();

        DurableLog(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            commit = new GroupCommit(() -> channel.force(false), null);
        }

        /** Appends one record and returns once it is on disk. */
        void append() throws IOException {
            ByteBuffer record = record(sequence.incrementAndGet());
            while (record.hasRemaining()) {
                channel.write(record); // one write at a time: the channel holds its position lock for each call
            }
            commit.awaitDurable();
        }

        /** {@code RECORD_BYTES} bytes: the sequence number, padding, a newline. */
        private static ByteBuffer record(long sequence) {
            byte[] bytes = new byte[RECORD_BYTES];
            Arrays.fill(bytes, (byte) 'r');
            byte[] number = Long.toString(sequence).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(number, 0, bytes, 0, number.length);
            bytes[RECORD_BYTES - 1] = '\n';
            return ByteBuffer.wrap(bytes);
        }
    }

    private static final class FixedJsonServlet extends HttpServlet {
        private final transient Map<String, byte[]> bodies;
        private final transient byte[] fallback;
        private final transient BeforeAnswer beforeAnswer;

        FixedJsonServlet(Map<String, byte[]> bodies, byte[] fallback, BeforeAnswer beforeAnswer) {
            this.bodies = bodies;
            this.fallback = fallback;
            this.beforeAnswer = beforeAnswer;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try (InputStream in = request.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            beforeAnswer.run();
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
