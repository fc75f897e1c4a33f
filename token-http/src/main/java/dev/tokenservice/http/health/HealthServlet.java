package dev.tokenservice.http.health;

import dev.tokenservice.http.json.HealthJson;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/** {@code GET /healthz}: {@code 200 {"status":"UP"}}, or {@code 503 {"status":"DOWN"}} when the check fails. Thread-safe. */
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient HealthCheck check;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public HealthServlet(HealthCheck check, ErrorResponses errors, JsonWriter json) {
        this.check = Objects.requireNonNull(check, "check");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET")) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), "GET"));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        boolean healthy = check.isHealthy();
        json.write(response, healthy ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                healthy ? HealthJson.UP : HealthJson.DOWN);
    }
}
