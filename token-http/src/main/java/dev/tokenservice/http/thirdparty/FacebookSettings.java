package dev.tokenservice.http.thirdparty;

import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * Our Facebook app, whose users' access tokens the {@code facebook} grant accepts. {@link #toString()} never shows the
 * app secret.
 *
 * @param appId       the app id
 * @param appSecret   the app secret: signs our calls to the Graph API
 * @param graphUri    the Graph API base, e.g. {@code https://graph.facebook.com} or {@code https://graph.facebook.com/v21.0};
 *                    https, or http on a loopback address only
 * @param createUsers whether a first sign-in creates a local user
 */
public record FacebookSettings(String appId, String appSecret, URI graphUri, boolean createUsers)
        implements ProviderSettings {
    public static final String GRANT_TYPE = "facebook";
    public static final URI GRAPH_URI = URI.create("https://graph.facebook.com");

    public FacebookSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(graphUri, "graphUri");
        if (appId.isBlank() || appSecret.isBlank()) {
            throw new IllegalArgumentException("facebook: app id and app secret are required");
        }
        ProviderUris.requireSafe(graphUri, "facebook Graph API URL");
    }

    /** Our app on the public Graph API. */
    public static FacebookSettings of(String appId, String appSecret, boolean createUsers) {
        return new FacebookSettings(appId, appSecret, GRAPH_URI, createUsers);
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public ThirdPartyTokenVerifier newVerifier(ProviderHttpClient http, Clock clock) {
        return new FacebookTokenVerifier(this, http, clock);
    }

    public FacebookSettings withGraphUri(URI value) {
        return new FacebookSettings(appId, appSecret, value, createUsers);
    }

    @Override
    public String toString() {
        return "FacebookSettings[appId=" + appId + ", appSecret=***, graphUri=" + graphUri + ", createUsers="
                + createUsers + "]";
    }
}
