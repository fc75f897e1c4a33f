package dev.tokenservice.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/** Answers every path no endpoint serves with a JSON {@code 404}, whatever the method. Thread-safe. */
public final class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ErrorResponses errors;

    public NotFoundServlet(ErrorResponses errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(response, errors.notFound("no such resource"));
    }
}
