package dev.tokenservice.http.json;

import dev.tokenservice.core.OAuthException;

/**
 * An error body (RFC 6749 §5.2, RFC 6750 §3): {@code {"error", "error_description"}}.
 *
 * @param error            the error code, e.g. {@code invalid_grant}
 * @param errorDescription text safe to show the caller: never a secret, a stack trace, SQL or a class name
 */
public record ErrorJson(String error, String errorDescription) {
    public static ErrorJson from(OAuthException exception) {
        return new ErrorJson(exception.error().code(), exception.description());
    }
}
