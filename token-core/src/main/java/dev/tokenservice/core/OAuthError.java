package dev.tokenservice.core;

/** The error codes of a token endpoint response (RFC 6749 §5.2). */
public enum OAuthError {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    INVALID_SCOPE("invalid_scope");

    private final String code;

    OAuthError(String code) {
        this.code = code;
    }

    /** The code as written on the wire, e.g. {@code invalid_grant}. */
    public String code() {
        return code;
    }
}
