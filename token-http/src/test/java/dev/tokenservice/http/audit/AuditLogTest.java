package dev.tokenservice.http.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit lines of the real core's events, captured from the logger: one line per security event, naming who and
 * which token, and never a token value, digest, client secret or password.
 */
class AuditLogTest {
    private static final String WRONG_PASSWORD = "alice's wrong password";
    private static final String WRONG_SECRET = "not-the-secret";

    private final Client client = TestClients.confidential().build();
    private final Client admin = TestClients.admin().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client, admin).with(TestUsers.alice());
    private final CapturingLogger logger = new CapturingLogger();
    /** Every value and secret the scenario handles, none of which a line may hold. */
    private final List<String> secrets = new ArrayList<>(List.of(TestClients.SECRET, TestUsers.ALICE_PASSWORD,
            WRONG_PASSWORD, WRONG_SECRET));

    private TokenServices core(AuditFormat format) {
        return ports.coreBuilder().eventListener(TokenEventListener.allOf(
                List.of(ports.events(), new AuditLog(format, ports.clock(), logger)))).build();
    }

    private TokenService service(AuditFormat format) {
        return core(format).tokenService();
    }

    /** Login, refresh, reuse, client credentials, two failed logins, a revocation and an administrator's delete. */
    private void runScenario(AuditFormat format) {
        TokenServices core = core(format);
        TokenService service = core.tokenService();
        TokenResponse login = keep(service.issue(request(GrantType.PASSWORD, client,
                TokenRequest.USERNAME, "alice", TokenRequest.PASSWORD, TestUsers.ALICE_PASSWORD)));
        keep(service.issue(request(GrantType.REFRESH_TOKEN, client,
                TokenRequest.REFRESH_TOKEN, login.refreshToken().value())));
        catchThrowable(() -> service.issue(request(GrantType.REFRESH_TOKEN, client,
                TokenRequest.REFRESH_TOKEN, login.refreshToken().value())));
        TokenResponse machine = keep(service.issue(request(GrantType.CLIENT_CREDENTIALS, client)));
        catchThrowable(() -> service.issue(new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.post(client.clientId(), ClientSecret.of(WRONG_SECRET)), new HashMap<>())));
        catchThrowable(() -> service.issue(request(GrantType.PASSWORD, client,
                TokenRequest.USERNAME, "alice", TokenRequest.PASSWORD, WRONG_PASSWORD)));
        service.revoke(new RevocationRequest(TestClients.credentials(client), machine.accessToken()));
        TokenResponse adminToken = keep(service.issue(request(GrantType.CLIENT_CREDENTIALS, admin)));
        Administrator administrator = core.administration().authorize(adminToken.accessToken());
        core.administration().revoke(administrator, HolderSelector.user(TestUsers.ALICE));
    }

    private static TokenRequest request(GrantType grantType, Client client, String... parameters) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return new TokenRequest(grantType, TestClients.credentials(client), map);
    }

    private TokenResponse keep(TokenResponse response) {
        for (TokenValue value : new TokenValue[] {response.accessToken(), response.refreshToken()}) {
            if (value != null) {
                secrets.add(value.value());
                secrets.add(TokenDigest.of(value).value());
            }
        }
        return response;
    }

    @Test
    void textLinesWhenSecurityEventsThenOneLinePerEventNamingWhoAndWhich() {
        runScenario(AuditFormat.TEXT);

        List<Map<String, String>> lines = logger.lines().stream().map(AuditLogTest::parseText).toList();
        assertThat(lines).extracting(line -> line.get("event")).containsExactly(
                "token_issued", "refresh_token_rotated", "refresh_token_reuse_detected", "tokens_revoked",
                "token_issued", "authentication_failed", "authentication_failed", "tokens_revoked", "token_issued",
                "tokens_revoked");
        assertThat(lines.get(0)).containsEntry("grant_type", "password").containsEntry("client_id", "confidential-client")
                .containsEntry("username", "alice").containsEntry("refresh_token", "true").containsKey("token_id");
        assertThat(lines.get(1)).containsKeys("family_id", "retired_token_id", "token_id");
        assertThat(lines.get(2)).containsEntry("username", "alice").containsKeys("family_id", "token_id");
        assertThat(lines.get(3)).containsEntry("cause", "refresh_token_reuse").containsEntry("count", "4")
                .containsEntry("family_id", lines.get(2).get("family_id"))
                .containsEntry("token_id", lines.get(2).get("token_id"));
        assertThat(lines.get(5)).containsEntry("party", "client").containsEntry("client_id", "confidential-client");
        assertThat(lines.get(6)).containsEntry("party", "user").containsEntry("username", "alice");
        assertThat(lines.get(7)).containsEntry("cause", "client_request").containsEntry("count", "1")
                .containsEntry("by_client_id", "confidential-client").containsKey("token_id");
        assertThat(lines.get(9)).containsEntry("cause", "administration").containsEntry("by_client_id", "admin-client")
                .containsEntry("username", "alice").doesNotContainKey("client_id");
    }

    @Test
    void textLinesWhenSecurityEventsThenNoTokenValueDigestOrSecret() {
        runScenario(AuditFormat.TEXT);

        assertThat(logger.lines()).hasSize(10).allSatisfy(line -> assertThat(line).doesNotContain(secrets));
    }

    @Test
    void jsonLinesWhenSecurityEventsThenOneJsonObjectPerEventAndNoSecret() {
        runScenario(AuditFormat.JSON);

        List<JsonNode> lines = logger.lines().stream().map(AuditLogTest::parseJson).toList();
        assertThat(lines).hasSize(10).allSatisfy(line -> assertThat(line.isObject()).isTrue());
        assertThat(lines.get(0).get("event").asText()).isEqualTo("token_issued");
        assertThat(lines.get(0).get("refresh_token").asBoolean()).isTrue();
        assertThat(lines.get(3).get("count").asInt()).isEqualTo(4);
        assertThat(lines).allSatisfy(line -> assertThat(line.get("time").asText()).isNotBlank());
        assertThat(logger.lines()).allSatisfy(line -> assertThat(line).doesNotContain(secrets));
    }

    @Test
    void textLineWhenClaimedIdHoldsLineBreaksAndQuotesThenStillOneEscapedLine() {
        String forged = "web\"app\nevent=token_issued client_id=admin";
        TokenService service = service(AuditFormat.TEXT);

        Throwable refused = catchThrowable(() -> service.issue(new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.post(ClientId.of(forged), ClientSecret.of("x")),
                new HashMap<>())));

        assertThat(refused).isInstanceOf(OAuthException.class);
        assertThat(logger.lines()).singleElement().satisfies(line -> {
            assertThat(line).doesNotContain("\n").contains("client_id=\"web\\\"app\\u000aevent=token_issued");
            assertThat(parseText(line)).containsEntry("event", "authentication_failed")
                    .containsEntry("client_id", forged);
        });
    }

    @Test
    void textLineWhenClaimedUsernameIsLongThenCut() {
        TokenService service = service(AuditFormat.TEXT);

        catchThrowable(() -> service.issue(request(GrantType.PASSWORD, client,
                TokenRequest.USERNAME, "u".repeat(5000), TokenRequest.PASSWORD, "x")));

        assertThat(logger.lines()).singleElement().satisfies(line -> assertThat(line.length()).isLessThan(400));
    }

    @Test
    void linesWhenLoggerOffThenNothingIsFormatted() {
        CapturingLogger off = new CapturingLogger(false);
        AuditLog audit = new AuditLog(AuditFormat.TEXT, ports.clock(), off);

        audit.authenticationFailed(new TokenEventListener.AuthenticationFailed(TokenEventListener.Party.USER, "bob"));

        assertThat(off.lines()).isEmpty();
    }

    /** Reads {@code key=value key="quoted \" value"} back, undoing the escapes. */
    static Map<String, String> parseText(String line) {
        Map<String, String> fields = new HashMap<>();
        int i = 0;
        while (i < line.length()) {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals);
            StringBuilder value = new StringBuilder();
            int j = equals + 1;
            if (line.charAt(j) == '"') {
                j++;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\' && line.charAt(j + 1) == 'u') {
                        value.append((char) Integer.parseInt(line.substring(j + 2, j + 6), 16));
                        j += 6;
                    } else if (c == '\\') {
                        value.append(line.charAt(j + 1));
                        j += 2;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                j++;
            } else {
                while (j < line.length() && line.charAt(j) != ' ') {
                    value.append(line.charAt(j++));
                }
            }
            assertThat(fields.put(key, value.toString())).as("field %s once", key).isNull();
            i = j + 1;
        }
        return fields;
    }

    private static JsonNode parseJson(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
