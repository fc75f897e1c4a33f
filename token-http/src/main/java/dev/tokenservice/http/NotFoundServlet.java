package dev.tokenservice.http;

import dev.tokenservice.http.web.ErrorResponses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/** Answers every path no endpoint serves with a JSON {@code 404}, whatever the method. Thread-safe. */
final class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ErrorResponses errors;

    NotFoundServlet(ErrorResponses errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(response, errors.notFound("no such resource"));
    }
}
