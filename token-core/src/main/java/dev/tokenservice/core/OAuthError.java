package dev.tokenservice.core;

/** The error codes of a token endpoint response (RFC 6749 §5.2; §4.1.2.1 for {@link #TEMPORARILY_UNAVAILABLE}). */
public enum OAuthError {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    INVALID_SCOPE("invalid_scope"),
    /**
     * The server cannot answer now because something it depends on is down or slow, e.g. the identity provider that
     * must vouch for a third-party token. Defined for the authorization endpoint (RFC 6749 §4.1.2.1); the token
     * endpoint uses it in the same sense, with HTTP 503.
     */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable");

    private final String code;

    OAuthError(String code) {
        this.code = code;
    }

    /** The code as written on the wire, e.g. {@code invalid_grant}. */
    public String code() {
        return code;
    }
}
