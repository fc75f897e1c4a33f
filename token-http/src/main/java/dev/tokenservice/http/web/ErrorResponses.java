package dev.tokenservice.http.web;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.json.ErrorJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that maps errors to status codes, headers and bodies: RFC 6749 §5.2 for the token endpoint (with the
 * Basic challenge of an {@code invalid_client} that tried Basic), RFC 6750 §3 for bearer-protected calls, and plain
 * HTTP errors ({@code 404}, {@code 405}, {@code 413}, {@code 500}) in the same JSON shape. A {@code 500} says
 * nothing in its body; its cause is logged with an incident id. Thread-safe.
 */
public final class ErrorResponses {
    /** The cache headers of every token response and token endpoint error (RFC 6749 §5.1). */
    public static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String RETRY_AFTER = "Retry-After";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final String realm;
    private final JsonWriter json;

    /** @param realm the realm named in {@code WWW-Authenticate} challenges, e.g. {@code token-service} */
    public ErrorResponses(String realm, JsonWriter json) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * A token endpoint error (RFC 6749 §5.2); always with the no-store headers. {@code temporarily_unavailable} (an
     * identity provider that did not answer) is {@code 503}: the request may succeed later as it is. A throttled
     * attempt (one with a retry-after) is {@code 429} with {@code Retry-After} in whole seconds (RFC 6585 §4).
     */
    public ErrorReply tokenError(OAuthException exception, boolean basicAttempted) {
        if (exception.retryAfter() != null) {
            return new ErrorReply(429, Map.of(RETRY_AFTER, Long.toString(seconds(exception.retryAfter()))),
                    ErrorJson.from(exception)).withNoStore();
        }
        boolean invalidClient = exception.error() == OAuthError.INVALID_CLIENT;
        Map<String, String> headers = invalidClient && basicAttempted
                ? Map.of(WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"")
                : Map.of();
        int status = switch (exception.error()) {
            case INVALID_CLIENT -> 401;
            case TEMPORARILY_UNAVAILABLE -> 503;
            default -> 400;
        };
        if (exception.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
            LOG.warn("token request answered temporarily_unavailable: {} ({})", exception.description(),
                    rootCause(exception));
        }
        return new ErrorReply(status, headers, ErrorJson.from(exception)).withNoStore();
    }

    /** A bearer-protected call without any bearer credentials (RFC 6750 §3.1: a challenge without an error code). */
    public ErrorReply bearerMissing() {
        return new ErrorReply(401, Map.of(WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\""),
                new ErrorJson("unauthorized", "a bearer access token is required"));
    }

    /** A bearer token that is unknown, expired, revoked or whose holder is gone (RFC 6750 §3.1). */
    public ErrorReply invalidToken() {
        return bearerError(401, "invalid_token", "the access token is invalid, expired or revoked");
    }

    /** A valid bearer token without the authority the call needs (RFC 6750 §3.1). */
    public ErrorReply insufficientScope() {
        return insufficientScope("the access token lacks the TOKENS_ADMIN authority");
    }

    /** A valid bearer token without the authority the call needs, saying which (RFC 6750 §3.1). */
    public ErrorReply insufficientScope(String description) {
        return bearerError(403, "insufficient_scope", description);
    }

    /** A malformed bearer credential (RFC 6750 §3.1 {@code invalid_request}). */
    public ErrorReply malformedBearer(OAuthException exception) {
        return bearerError(400, OAuthError.INVALID_REQUEST.code(), exception.description());
    }

    /** A refused parameter of a call other than the token endpoint. */
    public ErrorReply badRequest(OAuthException exception) {
        return new ErrorReply(400, Map.of(), new ErrorJson(OAuthError.INVALID_REQUEST.code(), exception.description()));
    }

    /** A resource that exists already, e.g. a client id that is taken (RFC 9110 §15.5.10). */
    public ErrorReply conflict(String description) {
        return new ErrorReply(409, Map.of(), new ErrorJson(OAuthError.INVALID_REQUEST.code(), description));
    }

    public ErrorReply notFound(String description) {
        return new ErrorReply(404, Map.of(), new ErrorJson("not_found", description));
    }

    /** {@code 405} with the methods the resource does allow (RFC 9110 §15.5.6). */
    public ErrorReply methodNotAllowed(String method, String allow) {
        return new ErrorReply(405, Map.of("Allow", allow),
                new ErrorJson("method_not_allowed", "use " + allow.replace(", ", " or ")));
    }

    /** A request body over the limit. */
    public ErrorReply payloadTooLarge(int limit) {
        return new ErrorReply(413, Map.of(),
                new ErrorJson(OAuthError.INVALID_REQUEST.code(), "the request body is larger than " + limit + " bytes"));
    }

    /** Anything unexpected: logged with an incident id; the body says nothing more. */
    public ErrorReply serverError(Throwable cause) {
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {}: unexpected failure", incident, cause);
        return new ErrorReply(500, Map.of(), new ErrorJson("server_error", "the server could not answer the request"));
    }

    /** An error the container raised itself (malformed request line or headers, URI too long, ...). */
    public ErrorReply forStatus(int status) {
        return switch (status) {
            case 404 -> notFound("no such resource");
            case 405 -> new ErrorReply(405, Map.of(), new ErrorJson("method_not_allowed", "method not allowed"));
            case 413 -> new ErrorReply(413, Map.of(), new ErrorJson("invalid_request", "the request is too large"));
            case 414 -> new ErrorReply(414, Map.of(), new ErrorJson("invalid_request", "the URI is too long"));
            case 431 -> new ErrorReply(431, Map.of(), new ErrorJson("invalid_request", "the headers are too large"));
            case 503 -> new ErrorReply(503, Map.of(), new ErrorJson("temporarily_unavailable", "try again later"));
            case 505 -> new ErrorReply(505, Map.of(),
                    new ErrorJson("invalid_request", "the HTTP version is not supported"));
            default -> status >= 400 && status < 500
                    ? new ErrorReply(status, Map.of(), new ErrorJson("invalid_request", "the request is malformed"))
                    : new ErrorReply(500, Map.of(),
                            new ErrorJson("server_error", "the server could not answer the request"));
        };
    }

    /** Writes the reply; a committed response is left alone. */
    public void write(HttpServletResponse response, ErrorReply reply) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        ObservedResponse.recordError(response, reply.body().error());
        reply.headers().forEach(response::setHeader);
        json.write(response, reply.status(), reply.body());
    }

    private ErrorReply bearerError(int status, String code, String description) {
        String challenge = "Bearer realm=\"" + realm + "\", error=\"" + code + "\", error_description=\""
                + quoted(description) + "\"";
        return new ErrorReply(status, Map.of(WWW_AUTHENTICATE, challenge), new ErrorJson(code, description));
    }

    /** The innermost cause, as {@code Type: message}: one log line, no stack. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Whole seconds, rounded up: a caller that waits what it is told must not arrive early. */
    private static long seconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** RFC 9110 §5.6.4 quoted-string content; descriptions are printable ASCII already. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
