package dev.tokenservice.http.clients;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of one path segment (RFC 3986 §3.3), for the {@code Location} of a created resource. */
final class PathSegments {
    private PathSegments() { }

    static String encode(String segment) {
        // Form encoding differs from a segment's only in the space, which it writes as '+'.
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
