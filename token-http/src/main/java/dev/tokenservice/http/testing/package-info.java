/**
 * A test fixture for downstream projects: {@link dev.tokenservice.http.testing.TestTokenServer} runs the real token
 * server on a free loopback port with in-memory stores and a clock the test moves, records the requests it receives,
 * and mints tokens directly; {@link dev.tokenservice.http.testing.TokenServerExtension} runs it for JUnit 5. Needs
 * token-testkit (and, for the extension, JUnit), optional dependencies of token-http that a test adds.
 */
package dev.tokenservice.http.testing;
