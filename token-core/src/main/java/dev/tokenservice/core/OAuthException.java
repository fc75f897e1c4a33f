package dev.tokenservice.core;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request the core refuses, with an RFC 6749 §5.2 (or, for a bearer-protected call, RFC 6750 §3.1) error code
 * and a description that is safe to show the caller: it never holds a secret, a token value or internal detail. The
 * cause, if any, is for logs only.
 */
public final class OAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final OAuthError error;
    /** How long the caller must wait before trying again; {@code null} when waiting would not help. */
    private final @Nullable Duration retryAfter;

    public OAuthException(OAuthError error, String description) {
        this(error, description, null);
    }

    public OAuthException(OAuthError error, String description, @Nullable Throwable cause) {
        this(error, description, cause, null);
    }

    private OAuthException(OAuthError error, String description, @Nullable Throwable cause,
            @Nullable Duration retryAfter) {
        super(Objects.requireNonNull(description, "description"), cause, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.retryAfter = retryAfter;
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

    /**
     * Too many failed authentications: the caller must wait {@code retryAfter} before its next attempt (HTTP 429 with
     * {@code Retry-After}). The code is {@code temporarily_unavailable}: the same request may succeed later as it is.
     */
    public static OAuthException throttled(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        return new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE,
                "too many failed attempts; try again after the time in Retry-After", null, retryAfter);
    }

    public OAuthError error() {
        return error;
    }

    /** How long to wait before trying again, for a {@link #throttled} refusal; {@code null} otherwise. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** The description safe to show the caller ({@code error_description}). */
    public String description() {
        return getMessage();
    }
}
