/**
 * The HTTP adapter's routing table: {@link dev.tokenservice.http.HttpApplication} mounts the endpoint packages
 * ({@code oauth}, {@code admin}, {@code discovery}, {@code health}) on one servlet context, behind the catch-alls that
 * keep every error in the JSON shape.
 */
package dev.tokenservice.http;
