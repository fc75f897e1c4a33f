/**
 * The token administration API under {@code /auth/tokens}: its servlet and the parsers of its paths and query
 * parameters.
 */
package dev.tokenservice.http.admin;
