/** The health endpoint {@code GET /healthz} and the {@link dev.tokenservice.http.health.HealthCheck} it asks. */
package dev.tokenservice.http.health;
