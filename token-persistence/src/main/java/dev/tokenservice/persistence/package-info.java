/**
 * The storage and query ports of token-core on a relational database with JDBI 3: {@link
 * dev.tokenservice.persistence.JdbiTokenStore}, {@link dev.tokenservice.persistence.JdbiTokenQuery}, {@link
 * dev.tokenservice.persistence.JdbiClientStore}, {@link dev.tokenservice.persistence.JdbiUserAccountStore} and {@link
 * dev.tokenservice.persistence.JdbiAccountLinkStore}, on H2 (the embedded default) or PostgreSQL (several servers
 * sharing one database). {@link dev.tokenservice.persistence.Database} opens the connection pool, migrates the schema
 * with Flyway, and builds the adapters.
 *
 * <p>Token values are never stored: tokens are keyed by the SHA-256 digest of their value, and an access token may
 * additionally be kept sealed. Every adapter that writes waits, after each commit, at a {@link
 * dev.tokenservice.persistence.DurabilityBarrier} until the write is durable. Every adapter is thread-safe and reports
 * database failures as the core's {@link dev.tokenservice.core.port.StorageException}.
 */
package dev.tokenservice.persistence;
