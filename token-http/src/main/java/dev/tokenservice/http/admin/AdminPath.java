package dev.tokenservice.http.admin;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.http.web.FormDecoder;
import java.util.List;
import java.util.Optional;

/**
 * The path segments below {@code /auth/tokens}, split on the raw request URI before percent-decoding, so that a
 * username holding {@code /} (sent as {@code %2F}), {@code @} or spaces is matched literally. Immutable.
 *
 * @param segments the decoded segments: none for the collection, one ({@code username}) or two
 *                 ({@code username}, {@code client_id})
 */
record AdminPath(List<String> segments) {
    AdminPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses the raw (still percent-encoded) request URI; empty when it is not a resource of the administration API
     * (another prefix, an empty segment, more than two segments).
     *
     * @throws OAuthException {@code invalid_request} for bad percent-encoding, invalid UTF-8 or an over-long segment
     */
    static Optional<AdminPath> parse(String rawRequestUri) {
        if (!rawRequestUri.startsWith(EndpointPaths.ADMIN)) {
            return Optional.empty();
        }
        String rest = rawRequestUri.substring(EndpointPaths.ADMIN.length());
        if (rest.isEmpty()) {
            return Optional.of(new AdminPath(List.of()));
        }
        if (!rest.startsWith("/")) {
            return Optional.empty();
        }
        String[] raw = rest.substring(1).split("/", -1);
        if (raw.length > 2) {
            return Optional.empty();
        }
        String[] names = {AdminQueryParser.USERNAME, AdminQueryParser.CLIENT_ID};
        String[] decoded = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isEmpty()) {
                return Optional.empty();
            }
            decoded[i] = AdminQueryParser.identifier(names[i], FormDecoder.decodePathSegment(raw[i]));
        }
        return Optional.of(new AdminPath(List.of(decoded)));
    }
}
