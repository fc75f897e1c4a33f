/**
 * The ports the core needs from the outside world: storage, queries, user directory, hashing, sealing, value generation and events. Adapters and the testkit implement them.
 */
package dev.tokenservice.core.port;
