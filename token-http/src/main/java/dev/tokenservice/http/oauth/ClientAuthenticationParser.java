package dev.tokenservice.http.oauth;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.http.web.FormDecoder;
import dev.tokenservice.http.web.FormParameters;
import dev.tokenservice.http.web.Headers;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the client's credentials from a request (RFC 6749 §2.3.1): HTTP Basic ({@code client_secret_basic}, the id
 * and secret form-urlencoded before base64, so both are decoded here), or {@code client_id} and
 * {@code client_secret} in the body ({@code client_secret_post}), or {@code client_id} alone for a public client.
 * Using Basic and a body secret at once is {@code invalid_request} ("MUST NOT use more than one authentication
 * method"); a body {@code client_id} beside Basic is allowed only when it names the same client, because the Knetik SDKs
 * always send it. Stateless, thread-safe; testable without a container.
 */
final class ClientAuthenticationParser {
    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";
    static final int MAX_CLIENT_ID_LENGTH = 256;
    static final int MAX_SECRET_LENGTH = 512;

    private static final String BASIC = "basic ";

    private ClientAuthenticationParser() { }

    /** True when the request tried HTTP Basic, so that a failure must answer with a Basic challenge (RFC 6749 §5.2). */
    static boolean attemptsBasic(Optional<String> authorization) {
        return authorization.filter(ClientAuthenticationParser::isBasic).isPresent();
    }

    /**
     * The presented credentials, not yet checked.
     *
     * @param authorization the {@code Authorization} header, if any
     * @param form          the body parameters
     * @throws OAuthException {@code invalid_request} for two methods at once or an over-long value,
     *                        {@code invalid_client} when no client is named or Basic credentials are malformed
     */
    static ClientAuthentication parse(Optional<String> authorization, FormParameters form) {
        if (authorization.isPresent()) {
            if (!isBasic(authorization.get())) {
                throw OAuthException.invalidRequest("clients authenticate with HTTP Basic or in the body, not with another scheme");
            }
            return basic(authorization.get().substring(BASIC.length()).strip(), form);
        }
        ClientId clientId = clientId(form.get(CLIENT_ID)
                .orElseThrow(() -> OAuthException.invalidClient("client authentication is required")));
        Optional<String> secret = form.get(CLIENT_SECRET);
        return secret.isPresent()
                ? ClientAuthentication.post(clientId, secret(secret.get()))
                : ClientAuthentication.none(clientId);
    }

    private static ClientAuthentication basic(String encoded, FormParameters form) {
        if (form.has(CLIENT_SECRET)) {
            throw OAuthException.invalidRequest("use one client authentication method, not HTTP Basic and client_secret");
        }
        String credentials = decodeBase64Utf8(encoded);
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw OAuthException.invalidClient("malformed HTTP Basic credentials");
        }
        String id = decodeOrInvalidClient(credentials.substring(0, colon));
        String secret = decodeOrInvalidClient(credentials.substring(colon + 1));
        if (id.isEmpty()) {
            throw OAuthException.invalidClient("malformed HTTP Basic credentials");
        }
        ClientId clientId = clientId(id);
        if (form.get(CLIENT_ID).filter(bodyId -> !bodyId.equals(id)).isPresent()) {
            throw OAuthException.invalidRequest("client_id in the body differs from the HTTP Basic client");
        }
        return ClientAuthentication.basic(clientId, secret(secret));
    }

    private static ClientId clientId(String value) {
        if (value.length() > MAX_CLIENT_ID_LENGTH) {
            throw OAuthException.invalidRequest("client_id is too long");
        }
        // RFC 6749 Appendix A.1: client-id = *VSCHAR
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) || value.isBlank()) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        return ClientId.of(value);
    }

    private static ClientSecret secret(String value) {
        if (value.length() > MAX_SECRET_LENGTH) {
            throw OAuthException.invalidRequest("client_secret is too long");
        }
        return ClientSecret.of(value);
    }

    private static String decodeOrInvalidClient(String component) {
        try {
            return FormDecoder.decodeComponent(component);
        } catch (OAuthException e) {
            throw OAuthException.invalidClient("malformed HTTP Basic credentials");
        }
    }

    private static String decodeBase64Utf8(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("malformed HTTP Basic credentials");
        }
        return FormDecoder.strictUtf8(bytes)
                .orElseThrow(() -> OAuthException.invalidClient("malformed HTTP Basic credentials"));
    }

    private static boolean isBasic(String authorization) {
        return Headers.hasScheme(authorization, BASIC);
    }
}
