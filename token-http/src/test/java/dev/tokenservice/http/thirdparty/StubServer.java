package dev.tokenservice.http.thirdparty;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part every provider stub shares: the JDK's HTTP server on a free loopback port, handlers on their own threads,
 * and the provider's state of health: up, down (answers 503), failing (answers 500), or hanging (holds every request
 * until closed).
 */
public abstract class StubServer implements AutoCloseable {
    /** How the stub answers: normally, 503, 500, or not at all (holds every request until closed). */
    public enum Health { UP, DOWN, FAILING, HANGING }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Health health = Health.UP;

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers a request of a healthy provider: path and decoded query parameters. */
    abstract Reply answer(String path, Map<String, String> query);

    record Reply(int status, String body) { }

    /** The stub's base, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void health(Health value) {
        health = value;
    }

    /** Requests received, whatever the answer. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Health now = health;
            if (now == Health.HANGING) {
                closing.await();
                return;
            }
            Reply reply = switch (now) {
                case DOWN -> new Reply(503, "{\"error\":\"down\"}");
                case FAILING -> new Reply(500, "{\"error\":\"internal\"}");
                default -> answer(exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()));
            };
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
