/**
 * The HTTP adapter: one servlet per endpoint ({@link dev.tokenservice.http.TokenEndpointServlet},
 * {@link dev.tokenservice.http.TokenAdminServlet}, {@link dev.tokenservice.http.HealthServlet}, and the standard
 * endpoints of {@link dev.tokenservice.http.StandardEndpoints}: revocation, introspection, metadata, OpenAPI), the strict request
 * parsers (testable without a container), and {@link dev.tokenservice.http.ErrorResponses}, the one place that maps
 * errors to status codes and bodies. Knows no storage and no container wiring.
 */
package dev.tokenservice.http;
