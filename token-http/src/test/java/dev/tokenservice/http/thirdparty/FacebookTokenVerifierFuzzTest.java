package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any answers of Facebook's Graph API to {@code /debug_token} and {@code /me} end in an identity or a
 * {@link ThirdPartyTokenException}, never another exception. An input is the {@code /debug_token} answer, a line feed
 * and the {@code /me} answer. Stored inputs: {@code FacebookTokenVerifierFuzzTestInputs/verify/}; they may use the app
 * id {@value FacebookGraphStub#APP_ID} and the time 1767225600 (2026-01-01T00:00:00Z, the verifier's clock).
 */
class FacebookTokenVerifierFuzzTest {
    private static FacebookGraphStub graph;
    private static FacebookTokenVerifier verifier;

    @BeforeAll
    static void startGraph() {
        graph = new FacebookGraphStub();
        verifier = new FacebookTokenVerifier(graph.settings(true), new ProviderHttpClient(Duration.ofSeconds(10)),
                Clock.fixed(Instant.ofEpochSecond(1_767_225_600L), ZoneOffset.UTC));
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @DictionaryFile(resourcePath = "/dev/tokenservice/http/json.dict")
    @FuzzTest
    void verify(byte[] answers) {
        int newline = indexOf(answers);
        byte[] debug = newline < 0 ? answers : Arrays.copyOfRange(answers, 0, newline);
        byte[] me = newline < 0 ? new byte[0] : Arrays.copyOfRange(answers, newline + 1, answers.length);
        graph.answerDebugWith(new String(debug, StandardCharsets.UTF_8));
        graph.answerMeWith(new String(me, StandardCharsets.UTF_8));
        ThirdPartyIdentity identity;
        SilentCloseable network = OidcFuzzing.allowConnectionsTo(graph);
        try {
            identity = verifier.verify(ThirdPartyToken.of("EAAB-fuzzed-user-token"));
        } catch (ThirdPartyTokenException e) {
            return;
        } finally {
            network.close();
        }
        assertThat(identity.provider()).isEqualTo(FacebookSettings.GRANT_TYPE);
    }

    private static int indexOf(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
