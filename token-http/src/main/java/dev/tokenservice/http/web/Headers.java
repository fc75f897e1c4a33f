package dev.tokenservice.http.web;

import dev.tokenservice.core.OAuthException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads request headers that must appear at most once. Stateless, thread-safe. */
public final class Headers {
    public static final String AUTHORIZATION = "Authorization";

    private Headers() { }

    /** True when an {@code Authorization} value uses {@code scheme} (given lower case with its space); case-insensitive. */
    public static boolean hasScheme(String authorization, String scheme) {
        return authorization.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    /** The header's value; {@code invalid_request} when it is sent more than once (RFC 9110 §5.3). */
    public static Optional<String> single(HttpServletRequest request, String name) {
        List<String> values = Collections.list(request.getHeaders(name));
        if (values.size() > 1) {
            throw OAuthException.invalidRequest(name + " must be sent once");
        }
        return values.stream().findFirst();
    }
}
