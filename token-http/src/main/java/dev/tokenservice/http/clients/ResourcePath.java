package dev.tokenservice.http.clients;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.web.FormDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decoded path segments below a prefix, split on the raw request URI before percent-decoding, so that an id
 * holding {@code /} (sent as {@code %2F}) is one segment and matched literally.
 */
final class ResourcePath {
    /** Longest segment accepted; longer ones name nothing that can be stored. */
    static final int MAX_SEGMENT_LENGTH = 256;

    private ResourcePath() { }

    /**
     * The segments of {@code rawRequestUri} below {@code prefix}: none for the prefix itself; empty when the URI is not
     * below it or has an empty segment.
     *
     * @throws OAuthException {@code invalid_request} for bad percent-encoding, invalid UTF-8, a segment that is too long
     *                        or holds control characters
     */
    static Optional<List<String>> below(String prefix, String rawRequestUri) {
        if (!rawRequestUri.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = rawRequestUri.substring(prefix.length());
        if (rest.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!rest.startsWith("/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rest.substring(1).split("/", -1)) {
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            String segment = FormDecoder.decodePathSegment(raw);
            if (segment.length() > MAX_SEGMENT_LENGTH) {
                throw OAuthException.invalidRequest("a path segment is longer than " + MAX_SEGMENT_LENGTH
                        + " characters");
            }
            if (segment.isBlank() || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw OAuthException.invalidRequest("a path segment must not be blank or contain control characters");
            }
            segments.add(segment);
        }
        return Optional.of(List.copyOf(segments));
    }
}
