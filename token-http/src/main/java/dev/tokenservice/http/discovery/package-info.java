/**
 * What the server says about itself: authorization server metadata (RFC 8414), the OpenAPI document of the HTTP API,
 * and the settings they are built from.
 */
package dev.tokenservice.http.discovery;
