/**
 * Caches in front of storage ports, for the records the hot paths read on every request and that change rarely:
 * {@link dev.tokenservice.core.cache.CachingClientStore}. Each is bounded in time (its time to live, on the core's
 * clock) and in size, and forgets a record at once when it is written through it.
 */
@NullMarked
package dev.tokenservice.core.cache;

import org.jspecify.annotations.NullMarked;
