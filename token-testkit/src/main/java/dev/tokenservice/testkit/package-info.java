/**
 * In-memory, thread-safe fakes of every port of token-core, fake time and values, and fixtures for tests. Add token-testkit with test scope.
 */
package dev.tokenservice.testkit;
