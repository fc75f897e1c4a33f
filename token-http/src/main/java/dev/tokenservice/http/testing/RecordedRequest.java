package dev.tokenservice.http.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A request the test server received, as the code under test sent it, with the status the server answered; what
 * {@link TestTokenServer#takeRequest()} hands a test to assert on. {@link #toString()} shows no secret: only the
 * values of {@link #SHOWN_PARAMETERS} and of the {@code Content-Type} header, every other value as {@code ***}.
 *
 * @param method     the HTTP method, e.g. {@code POST}
 * @param path       the path as sent (still percent-encoded), e.g. {@code /oauth/token}
 * @param query      the query string; {@code null} when there was none
 * @param headers    the headers by lower-case name, each with its values in the order received
 * @param body       the body, decoded as UTF-8 (the endpoints read forms and JSON); empty when there was none
 * @param status     the status the server answered
 * @param receivedAt when the request came in, by the server's clock
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body, int status, Instant receivedAt) {
    /** The form parameters whose values {@link #toString()} shows; the others may be secrets or tokens. */
    public static final Set<String> SHOWN_PARAMETERS = Set.of("grant_type", "client_id", "scope", "username",
            "token_type_hint");

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        TreeMap<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The first value of the header {@code name} (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)))
                .filter(values -> !values.isEmpty())
                .map(values -> values.get(0));
    }

    /**
     * The body as an {@code application/x-www-form-urlencoded} form: each parameter's first value, in the order sent;
     * empty for a body that is not a form.
     */
    public Map<String, String> form() {
        if (!header("content-type").map(type -> type.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")).orElse(false) || body.isEmpty()) {
            return Map.of();
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            form.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return Collections.unmodifiableMap(form);
    }

    /** The form parameter {@code name}, e.g. {@code scope}; empty when the body is not a form or lacks it. */
    public Optional<String> formParameter(String name) {
        return Optional.ofNullable(form().get(name));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** One line, secrets hidden: {@code POST /oauth/token -> 401 headers{...} form{client_id=app, password=***}}. */
    @Override
    public String toString() {
        String form = form().entrySet().stream()
                .map(p -> p.getKey() + "=" + (SHOWN_PARAMETERS.contains(p.getKey()) ? p.getValue() : "***"))
                .collect(Collectors.joining(", ", " form{", "}"));
        String shownHeaders = headers.keySet().stream()
                .map(name -> name.equals("content-type") ? name + "=" + header(name).orElse("") : name + "=***")
                .collect(Collectors.joining(", ", " headers{", "}"));
        return method + " " + path + (query == null ? "" : "?***") + " -> " + status + shownHeaders
                + (form().isEmpty() ? (body.isEmpty() ? "" : " body of " + body.length() + " chars") : form);
    }
}
