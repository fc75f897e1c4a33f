package dev.tokenservice.http.web;

import dev.tokenservice.http.json.ErrorJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error as it goes on the wire: status, extra headers and the JSON body. Made only by {@link ErrorResponses}.
 *
 * @param status  the HTTP status
 * @param headers headers to set besides {@code Content-Type}
 * @param body    the {@code {"error", "error_description"}} body
 */
public record ErrorReply(int status, Map<String, String> headers, ErrorJson body) {
    public ErrorReply {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** This reply with {@code Cache-Control: no-store} and {@code Pragma: no-cache} (RFC 6749 §5.1, §5.2). */
    public ErrorReply withNoStore() {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(ErrorResponses.NO_STORE);
        return new ErrorReply(status, all, body);
    }
}
