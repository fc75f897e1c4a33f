package dev.tokenservice.http.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests Jetty cannot parse are answered in the contract's JSON form, as the caller's fault, over a raw socket. */
class MalformedRequestEndToEndTest {
    @RegisterExtension
    static final TokenServerExtension SERVER = new TokenServerExtension();

    private static Reply send(String request) {
        return new WireClient(SERVER.baseUri()).raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void requestLineWithoutAVersionThenClientErrorInJsonNotServerError() {
        Reply reply = send("GARBAGE LINE\r\n\r\n");

        assertThat(reply.status()).as(reply.body()).isBetween(400, 505).isNotEqualTo(500);
        assertThat(reply.body()).contains("\"error\":\"invalid_request\"");
    }

    @Test
    void unknownHttpVersionThenClientErrorInJson() {
        Reply reply = send("GET /healthz HTTP/7.0\r\nHost: localhost\r\n\r\n");

        assertThat(reply.status()).as(reply.body()).isBetween(400, 505).isNotEqualTo(500);
        assertThat(reply.body()).contains("\"error\":\"invalid_request\"");
    }
}
