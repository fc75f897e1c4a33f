package dev.tokenservice.http.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes wire records as {@code application/json} (UTF-8, no charset parameter, as the Knetik API does), each with
 * {@code X-Content-Type-Options: nosniff}, so that no browser reads a JSON answer as anything else. Thread-safe.
 */
public final class JsonWriter {
    /** The header that keeps browsers from sniffing a content type other than the declared one. */
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String NOSNIFF = "nosniff";

    private final ObjectMapper mapper;

    public JsonWriter(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Serializes {@code body} (a {@code ...Json} record) before touching the response, so a failure leaves it clean. */
    public void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(MediaTypes.JSON);
        response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The bytes of {@code body}, for writers outside the servlet API. */
    public byte[] bytes(Object body) throws IOException {
        return mapper.writeValueAsBytes(body);
    }
}
