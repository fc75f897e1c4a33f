/**
 * A test fixture for downstream projects: {@link dev.tokenservice.http.testing.TokenServerExtension} runs a real
 * token server on a free port with in-memory storage. JUnit is an optional dependency of token-http: tests already
 * have it.
 */
package dev.tokenservice.http.testing;
