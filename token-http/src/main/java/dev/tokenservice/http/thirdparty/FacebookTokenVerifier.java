package dev.tokenservice.http.thirdparty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Facebook user access tokens with the Graph API: {@code GET /debug_token} with our app's access token
 * ({@code app_id|app_secret}) must say {@code is_valid}, name our {@code app_id}, a {@code USER} token of a
 * {@code user_id}, and an {@code expires_at} in the future (0: a token that does not expire); then
 * {@code GET /me?fields=id,name,email}, signed with {@code appsecret_proof} (HMAC-SHA256 of the token under the app
 * secret), must name the same id. Facebook returns only a confirmed e-mail address, so it is passed on as verified.
 * A token of another app, an expired or revoked token, and an answer Facebook refuses are rejected; no answer in time,
 * a server error or an unreadable answer is unavailable. Thread-safe.
 */
final class FacebookTokenVerifier implements ThirdPartyTokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(FacebookTokenVerifier.class);
    private static final String PROVIDER = FacebookSettings.GRANT_TYPE;

    private final FacebookSettings settings;
    private final ProviderHttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final String graph;

    FacebookTokenVerifier(FacebookSettings settings, ProviderHttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        String base = settings.graphUri().toString();
        this.graph = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public ThirdPartyIdentity verify(ThirdPartyToken token) {
        String userId = debug(token.value());
        JsonNode me = call(graph + "/me?fields=id,name,email&access_token=" + encode(token.value())
                + "&appsecret_proof=" + proof(token.value()), "read the user");
        if (!userId.equals(me.path("id").asText())) {
            throw reject("the token's user could not be confirmed");
        }
        ThirdPartySubject subject;
        try {
            subject = ThirdPartySubject.of(PROVIDER, userId);
        } catch (IllegalArgumentException e) {
            throw reject("the token's user id is malformed");
        }
        return new ThirdPartyIdentity(subject, text(me.get("email")), text(me.get("name")));
    }

    /** The user id of a valid user token of our app (Graph API, "Debug a token"). */
    private String debug(String token) {
        JsonNode data = call(graph + "/debug_token?input_token=" + encode(token)
                + "&access_token=" + encode(settings.appId() + "|" + settings.appSecret()), "check the token")
                .path("data");
        if (!data.path("is_valid").asBoolean(false)) {
            throw reject("the token is not valid");
        }
        if (!settings.appId().equals(data.path("app_id").asText())) {
            throw reject("the token was issued to another app");
        }
        if (data.hasNonNull("type") && !"USER".equals(data.path("type").asText())) {
            throw reject("the token is not a user access token");
        }
        long expiresAt = data.path("expires_at").asLong(-1);
        // Compared in epoch seconds: Instant.ofEpochSecond throws beyond year 1,000,000,000, which an answer may name.
        if (expiresAt < 0 || expiresAt > 0 && clock.instant().getEpochSecond() >= expiresAt) {
            throw reject("the token has expired");
        }
        String userId = data.path("user_id").asText("");
        if (userId.isEmpty()) {
            throw reject("the token names no user");
        }
        return userId;
    }

    private JsonNode call(String url, String purpose) {
        ProviderHttpClient.Reply reply = http.get(URI.create(url), PROVIDER);
        if (reply.isServerError()) {
            throw ThirdPartyTokenException.unavailable(PROVIDER + " could not " + purpose,
                    new IllegalStateException("HTTP " + reply.status() + " from the Graph API"));
        }
        JsonNode body;
        try {
            body = json.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw ThirdPartyTokenException.unavailable(PROVIDER + " answered in a form that cannot be read", null);
        } catch (RuntimeException e) {
            // Whatever made the parser throw instead of reporting malformed JSON, it is no answer that vouches for the
            // token: refused like one, never a server error. The type only: the message may quote the answer.
            LOG.info("{}: the Graph API's answer to {} made the JSON parser throw {}", PROVIDER, purpose,
                    e.getClass().getName());
            throw reject("Facebook did not accept the token");
        }
        if (!reply.isSuccess() || body == null || body.has("error")) {
            // Graph errors (RFC-less): {"error": {"message", "type", "code", "fbtrace_id"}}; the message may quote input.
            JsonNode error = body == null ? null : body.path("error");
            LOG.info("{}: Graph API refused to {}: HTTP {}, type {}, code {}", PROVIDER, purpose, reply.status(),
                    error == null ? "-" : error.path("type").asText("-"), error == null ? "-" : error.path("code").asText("-"));
            throw reject("Facebook did not accept the token");
        }
        return body;
    }

    private String proof(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides HmacSHA256", e);
        }
    }

    private ThirdPartyTokenException reject(String why) {
        LOG.info("{}: access token refused: {}", PROVIDER, why);
        return ThirdPartyTokenException.rejected(PROVIDER + " token refused: " + why);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && node.asText().length() <= 320 ? node.asText() : null;
    }

    @Override
    public String toString() {
        return "FacebookTokenVerifier[appId=" + settings.appId() + ", graph=" + graph + "]";
    }
}
