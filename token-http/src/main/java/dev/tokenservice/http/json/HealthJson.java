package dev.tokenservice.http.json;

/** The body of {@code GET /healthz}: {@code {"status": "UP"}} or {@code "DOWN"}. */
public record HealthJson(String status) {
    public static final HealthJson UP = new HealthJson("UP");
    public static final HealthJson DOWN = new HealthJson("DOWN");
}
