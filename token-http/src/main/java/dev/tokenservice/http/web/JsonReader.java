package dev.tokenservice.http.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.tokenservice.core.OAuthException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies into wire records. Every failure is an {@code invalid_request} whose description names
 * the field at fault and never quotes Jackson's message, which may hold class names. Thread-safe.
 */
public final class JsonReader {
    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    /** How much of an unknown field's name an error quotes. */
    private static final int MAX_QUOTED_NAME = 64;

    private final ObjectMapper mapper;

    /** Reads with a copy of {@code mapper} that refuses scalars of the wrong JSON type ({@code "5"} or 1.5 for 5). */
    public JsonReader(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper").copy();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Boolean, LogicalType.Textual)) {
            for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean)) {
                this.mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        this.mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * The body as a {@code type}; an empty body reads as an empty JSON object.
     *
     * @throws OAuthException {@code invalid_request} for malformed JSON, an unknown field or a field of the wrong type
     */
    public <T> T read(byte[] body, Class<T> type) {
        try {
            T value = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(body.length == 0 ? EMPTY_OBJECT : body);
            if (value == null) {
                throw OAuthException.invalidRequest("the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String name = e.getPropertyName();
            throw OAuthException.invalidRequest("unknown field '"
                    + (name.length() > MAX_QUOTED_NAME ? name.substring(0, MAX_QUOTED_NAME) + "..." : name) + "'");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw OAuthException.invalidRequest(field.isEmpty() ? "the body must be a JSON object"
                    : "field '" + field + "' has the wrong type");
        } catch (JacksonException e) {
            throw OAuthException.invalidRequest("the body is not valid JSON");
        } catch (IOException e) {
            throw OAuthException.invalidRequest("the body could not be read");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
