package dev.tokenservice.core;

/**
 * The error codes of a refusal: those of a token endpoint response (RFC 6749 §5.2; §4.1.2.1 for
 * {@link #TEMPORARILY_UNAVAILABLE}), and those of a bearer-protected call (RFC 6750 §3.1).
 */
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
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable"),
    /** A bearer access token that is unknown, expired or revoked, or whose client or user is gone (RFC 6750 §3.1). */
    INVALID_TOKEN("invalid_token"),
    /** A live bearer access token that lacks the authority the call needs (RFC 6750 §3.1). */
    INSUFFICIENT_SCOPE("insufficient_scope");

    private final String code;

    OAuthError(String code) {
        this.code = code;
    }

    /** The code as written on the wire, e.g. {@code invalid_grant}. */
    public String code() {
        return code;
    }
}
