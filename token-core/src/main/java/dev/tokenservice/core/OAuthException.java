package dev.tokenservice.core;

import java.util.Objects;

/**
 * A request the core refuses, with an RFC 6749 §5.2 (or, for a bearer-protected call, RFC 6750 §3.1) error code
 * and a description that is safe to show the caller: it never holds a secret, a token value or internal detail. The
 * cause, if any, is for logs only.
 */
public final class OAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final OAuthError error;

    public OAuthException(OAuthError error, String description) {
        this(error, description, null);
    }

    public OAuthException(OAuthError error, String description, Throwable cause) {
        super(Objects.requireNonNull(description, "description"), cause, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT, description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(OAuthError.INVALID_GRANT, description);
    }

    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, description);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE, description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(OAuthError.INVALID_SCOPE, description);
    }

    public static OAuthException invalidToken(String description) {
        return new OAuthException(OAuthError.INVALID_TOKEN, description);
    }

    public static OAuthException insufficientScope(String description) {
        return new OAuthException(OAuthError.INSUFFICIENT_SCOPE, description);
    }

    /** Something the server depends on did not answer in time; {@code cause} is for the logs only. */
    public static OAuthException temporarilyUnavailable(String description, Throwable cause) {
        return new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, description, cause);
    }

    public OAuthError error() {
        return error;
    }

    /** The description safe to show the caller ({@code error_description}). */
    public String description() {
        return getMessage();
    }
}
