/**
 * The ports the core needs from the outside world: storage, queries, user directory, hashing, sealing, value generation and events. Adapters and the testkit implement them.
 */
@NullMarked
package dev.tokenservice.core.port;

import org.jspecify.annotations.NullMarked;
