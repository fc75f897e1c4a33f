package dev.tokenservice.http.jwt;

import java.util.concurrent.atomic.AtomicReference;

/** Where the signing keys are kept between starts. Implementations must be thread-safe. */
public interface KeyRingStore {

    /** The stored ring; {@link KeyRing#EMPTY} when there is none yet. */
    KeyRing load();

    /** Replaces the stored ring; returns once it is stored. */
    void save(KeyRing ring);

    /** Keys kept in memory only, lost with the process: for tests and demos (tokens outlive no restart). */
    static KeyRingStore inMemory() {
        AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.EMPTY);
        return new KeyRingStore() {
            @Override
            public KeyRing load() {
                return ring.get();
            }

            @Override
            public void save(KeyRing value) {
                ring.set(value);
            }

            @Override
            public String toString() {
                return "memory";
            }
        };
    }
}
