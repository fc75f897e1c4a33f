package dev.tokenservice.http.thirdparty;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Facebook's Graph API on loopback, as much as the {@code facebook} grant uses: {@code /debug_token}, which insists on
 * our app's access token, and {@code /me}, which insists on a correct {@code appsecret_proof}. User tokens are issued
 * by the test, for our app or another.
 */
public final class FacebookGraphStub extends StubServer {
    public static final String APP_ID = "1234567890";
    public static final String APP_SECRET = "app-secret-0f4e";
    public static final String OTHER_APP_ID = "999999";

    private record UserToken(String appId, String userId, long expiresAt, String name, String email) { }

    private final Map<String, UserToken> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String meIdOverride;
    private volatile String debugBodyOverride;
    private volatile String meBodyOverride;

    /** A user access token for {@code appId}, expiring at {@code expiresAt} (0: never). */
    public String issue(String appId, String userId, Instant expiresAt, String name, String email) {
        String token = "EAAB" + counter.incrementAndGet() + "ZCZBtoken";
        tokens.put(token, new UserToken(appId, userId, expiresAt == null ? 0 : expiresAt.getEpochSecond(), name, email));
        return token;
    }

    /** Makes {@code /me} answer another user id than {@code /debug_token}. */
    public void answerMeWithId(String id) {
        meIdOverride = id;
    }

    /** Makes {@code /debug_token} answer 200 with {@code body}, whatever it is, once our app's token is right. */
    public void answerDebugWith(String body) {
        debugBodyOverride = body;
    }

    /** Makes {@code /me} answer 200 with {@code body}, whatever it is and whatever the token. */
    public void answerMeWith(String body) {
        meBodyOverride = body;
    }

    public FacebookSettings settings(boolean createUsers) {
        return FacebookSettings.of(APP_ID, APP_SECRET, createUsers).withGraphUri(baseUri().resolve("/v21.0"));
    }

    @Override
    Reply answer(String path, Map<String, String> query) {
        return switch (path) {
            case "/v21.0/debug_token" -> debug(query);
            case "/v21.0/me" -> me(query);
            default -> new Reply(404, error("Unknown path components", 2500));
        };
    }

    private Reply debug(Map<String, String> query) {
        if (!(APP_ID + "|" + APP_SECRET).equals(query.get("access_token"))) {
            return new Reply(400, error("Invalid OAuth access token signature.", 190));
        }
        if (debugBodyOverride != null) {
            return new Reply(200, debugBodyOverride);
        }
        UserToken user = tokens.get(query.getOrDefault("input_token", ""));
        if (user == null) {
            return new Reply(200, "{\"data\":{\"error\":{\"code\":190,\"message\":\"Invalid OAuth access token.\"},"
                    + "\"is_valid\":false,\"scopes\":[]}}");
        }
        return new Reply(200, "{\"data\":{\"app_id\":\"" + user.appId() + "\",\"type\":\"USER\",\"application\":\"Test\","
                + "\"data_access_expires_at\":" + (user.expiresAt() + 7_776_000L) + ",\"expires_at\":" + user.expiresAt()
                + ",\"is_valid\":true,\"scopes\":[\"email\",\"public_profile\"],\"user_id\":\"" + user.userId() + "\"}}");
    }

    private Reply me(Map<String, String> query) {
        if (meBodyOverride != null) {
            return new Reply(200, meBodyOverride);
        }
        String token = query.getOrDefault("access_token", "");
        UserToken user = tokens.get(token);
        if (user == null) {
            return new Reply(400, error("Invalid OAuth access token.", 190));
        }
        if (!proof(token).equals(query.get("appsecret_proof")) || !"id,name,email".equals(query.get("fields"))) {
            return new Reply(400, error("Invalid appsecret_proof provided in the API argument", 100));
        }
        String id = meIdOverride != null ? meIdOverride : user.userId();
        return new Reply(200, "{\"id\":\"" + id + "\",\"name\":\"" + user.name() + "\""
                + (user.email() == null ? "" : ",\"email\":\"" + user.email() + "\"") + "}");
    }

    private static String error(String message, int code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"fbtrace_id\":\"AbC\"}}";
    }

    private static String proof(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
