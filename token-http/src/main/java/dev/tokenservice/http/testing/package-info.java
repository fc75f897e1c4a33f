/**
 * A test fixture for downstream projects: {@link dev.tokenservice.http.testing.TokenServerExtension} runs a real token
 * server on a free port with in-memory storage (JUnit, which it needs, is an optional dependency of token-http).
 */
package dev.tokenservice.http.testing;
