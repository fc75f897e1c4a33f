package dev.tokenservice.http.oauth;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.web.FormDecoder;
import dev.tokenservice.http.web.FormParameters;
import dev.tokenservice.http.web.MediaTypes;
import java.util.Map;
import java.util.Objects;

/**
 * The strict reading shared by every form-encoded {@code POST} endpoint (token, RFC 6749 §3.2; revocation, RFC 7009
 * §2.1; introspection, RFC 7662 §2.1): the body must be {@code application/x-www-form-urlencoded} UTF-8, no parameter
 * travels in the query string (credentials and token values there would leak into logs), each parameter appears at
 * most once, within its length limit and without control characters. Every failure is {@code invalid_request}.
 * Immutable, thread-safe; testable without a container.
 */
final class FormRequestParser {
    private final Map<String, Integer> maxLengths;
    private final int maxOtherLength;

    /**
     * @param maxLengths     the limit of each known parameter, in characters after decoding
     * @param maxOtherLength the limit of any other parameter
     */
    FormRequestParser(Map<String, Integer> maxLengths, int maxOtherLength) {
        this.maxLengths = Map.copyOf(Objects.requireNonNull(maxLengths, "maxLengths"));
        if (maxOtherLength < 1) {
            throw new IllegalArgumentException("maxOtherLength must be positive");
        }
        this.maxOtherLength = maxOtherLength;
    }

    /**
     * The decoded, checked parameters.
     *
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param rawQuery    the raw query string, or {@code null}
     * @param body        the request body, already bounded by the caller
     */
    FormParameters parse(String contentType, String rawQuery, byte[] body) {
        if (rawQuery != null && !rawQuery.isEmpty()) {
            throw OAuthException.invalidRequest("parameters must be sent in the request body, not in the URL");
        }
        if (!MediaTypes.isUtf8Form(contentType)) {
            throw OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded (UTF-8)");
        }
        FormParameters form = FormDecoder.decode(body);
        form.values().forEach(this::checkValue);
        return form;
    }

    private void checkValue(String name, String value) {
        int max = maxLengths.getOrDefault(name, maxOtherLength);
        if (value.length() > max) {
            throw OAuthException.invalidRequest(describe(name) + " is longer than " + max + " characters");
        }
        // RFC 6749 Appendix A: no parameter of these endpoints may hold control characters (CR and LF included).
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw OAuthException.invalidRequest(describe(name) + " contains control characters");
        }
    }

    /** Only known names are echoed: an unknown one may be anything. */
    private String describe(String name) {
        return maxLengths.containsKey(name) ? name : "a parameter";
    }
}
