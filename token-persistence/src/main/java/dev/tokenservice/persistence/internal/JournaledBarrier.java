package dev.tokenservice.persistence.internal;

/**
 * The durability barrier of an H2 file database that keeps a token journal: the token store writes through the
 * journal, every other adapter waits at the barrier. Not API.
 */
public interface JournaledBarrier {
    TokenJournal tokenJournal();
}
