package dev.tokenservice.http.web;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.TokenValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a bearer token from the {@code Authorization} header (RFC 6750 §2.1), the only method this server accepts:
 * a token in a URL would leak into logs (RFC 6750 §2.3 "SHOULD NOT"). Stateless, thread-safe.
 */
public final class BearerTokenParser {
    /** RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String BEARER = "bearer ";
    private static final int MAX_TOKEN_LENGTH = 512;

    private BearerTokenParser() { }

    /**
     * The presented token; empty when the request carries no bearer credentials at all (RFC 6750 §3.1: then the
     * challenge has no error code).
     *
     * @throws OAuthException {@code invalid_request} when the header uses the Bearer scheme but is malformed
     */
    public static Optional<TokenValue> parse(Optional<String> authorization) {
        if (authorization.isEmpty() || !isBearer(authorization.get())) {
            return Optional.empty();
        }
        String token = authorization.get().substring(BEARER.length()).strip();
        if (token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            throw OAuthException.invalidRequest("malformed bearer token");
        }
        return Optional.of(TokenValue.of(token));
    }

    private static boolean isBearer(String authorization) {
        return Headers.hasScheme(authorization, BEARER);
    }
}
