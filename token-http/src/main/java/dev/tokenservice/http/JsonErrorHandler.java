package dev.tokenservice.http;

import dev.tokenservice.http.web.ErrorReply;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.JsonWriter;
import dev.tokenservice.http.web.MediaTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed request line, an ambiguous URI, headers too large, a failure outside the servlets)
 * in the same JSON shape as every other error, through {@link ErrorResponses}: no HTML, no stack trace, no server
 * version. Jetty 12.1 answers a request it cannot parse through {@link #generateResponse} as well (the former
 * {@code badMessageError} hook is deprecated and no longer called). Thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ErrorResponses errors;
    private final JsonWriter json;

    JsonErrorHandler(ErrorResponses errors, JsonWriter json) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        // Jetty's HttpException (a request it cannot parse, an HTTP version it refuses) is the caller's fault, whatever
        // its code: it is answered, not logged as an incident.
        boolean unexpected = code >= 500 && cause != null && !(cause instanceof HttpException);
        ErrorReply reply = unexpected ? errors.serverError(cause) : errors.forStatus(code);
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        reply.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, MediaTypes.JSON);
        headers.put(JsonWriter.CONTENT_TYPE_OPTIONS, JsonWriter.NOSNIFF);
        response.write(true, ByteBuffer.wrap(json.bytes(reply.body())), callback);
    }
}
