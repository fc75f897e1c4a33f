package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.basic;
import static dev.tokenservice.http.endtoend.WireClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A refused form request leaves its persistent connection usable, even when the body reaches the server after the
 * headers: clients pool connections, and one closed under them fails the caller's next, unrelated request.
 */
class KeepAliveEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension();

    private static final String MACHINE = "batch.job";
    private static final String MACHINE_SECRET = "batch-s3cret";

    @BeforeAll
    static void register() {
        server.registerClient(MACHINE, MACHINE_SECRET, Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "/oauth/token, wrong secret, 401",
            "/oauth/revoke, wrong secret, 401",
            "/oauth/introspect, wrong secret, 401",
            "/oauth/introspect, unknown bearer token, 401",
            "/oauth/token, two Authorization headers, 400"})
    void refusalWhenBodyArrivesAfterHeadersThenConnectionServesTheNextRequest(String path, String credentials,
            int status) throws IOException, InterruptedException {
        String authorization = switch (credentials) {
            case "wrong secret" -> "Authorization: " + basic(MACHINE, "x") + "\r\n";
            case "unknown bearer token" -> "Authorization: " + bearer("bm90LWEtdG9rZW4") + "\r\n";
            default -> "Authorization: " + basic(MACHINE, "x") + "\r\nAuthorization: " + basic(MACHINE, "y") + "\r\n";
        };
        byte[] body = "grant_type=client_credentials&token=abc".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + authorization
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(50); // lets the headers be handled alone, as when the body is in a later TCP segment
            out.write(body);
            out.flush();

            String refusal = readResponse(in);
            out.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String next = readResponse(in);

            assertThat(refusal).startsWith("HTTP/1.1 " + status + " ");
            assertThat(refusal.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
            assertThat(next).startsWith("HTTP/1.1 200 ");
        }
    }

    /** One response with a {@code Content-Length}, head and body; empty if the server closed the connection. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next == -1) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
