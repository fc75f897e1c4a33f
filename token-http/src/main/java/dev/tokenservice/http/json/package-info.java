/**
 * Wire records of the HTTP API ({@code ...Json}), snake_case on the wire, each mapped from core types with a static
 * {@code from(...)} so that Jackson never sees a core type; and the {@code ObjectMapper} setup.
 */
package dev.tokenservice.http.json;
