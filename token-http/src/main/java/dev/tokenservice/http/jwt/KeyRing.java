package dev.tokenservice.http.jwt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The signing keys at one moment, oldest first: which key signs at a given instant, which are published, and which
 * have retired. No I/O, no clock of its own. Immutable.
 */
public record KeyRing(List<SigningKey> keys) {
    public static final KeyRing EMPTY = new KeyRing(List.of());

    public KeyRing {
        keys = keys.stream().sorted(Comparator.comparing(SigningKey::signsFrom)).toList();
        if (keys.stream().map(SigningKey::keyId).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("two signing keys share a key id");
        }
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The key that signs at {@code now}: the newest that has started; the oldest when none has started yet. */
    public Optional<SigningKey> signingAt(Instant now) {
        SigningKey signing = null;
        for (SigningKey key : keys) {
            if (!key.signsFrom().isAfter(now) || signing == null) {
                signing = key;
            }
        }
        return Optional.ofNullable(signing);
    }

    /** When the key after {@code key} takes over; {@code null} when none is scheduled. */
    @Nullable Instant successorStart(SigningKey key) {
        for (SigningKey other : keys) {
            if (other.signsFrom().isAfter(key.signsFrom())) {
                return other.signsFrom();
            }
        }
        return null;
    }

    /** When {@code key} leaves the ring: once a newer key signs and no token it signed lives; null: not known yet. */
    @Nullable Instant retiresAt(SigningKey key) {
        Instant successor = successorStart(key);
        if (successor == null) {
            return null;
        }
        return successor.isAfter(key.coversUntil()) ? successor : key.coversUntil();
    }

    /** The keys still published at {@code now}: every key but the retired ones, the upcoming key included. */
    public KeyRing publishedAt(Instant now) {
        return new KeyRing(keys.stream().filter(key -> {
            Instant retires = retiresAt(key);
            return retires == null || now.isBefore(retires);
        }).toList());
    }

    /** The next instant after {@code now} at which the published keys or the signing key change; null for none. */
    @Nullable Instant nextChangeAfter(Instant now) {
        Instant next = null;
        for (SigningKey key : keys) {
            for (Instant change : new Instant[] {key.signsFrom(), retiresAt(key)}) {
                if (change != null && change.isAfter(now) && (next == null || change.isBefore(next))) {
                    next = change;
                }
            }
        }
        return next;
    }

    /** This ring with {@code key} added, or put in place of the key of the same id. */
    public KeyRing with(SigningKey key) {
        Map<String, SigningKey> byId = byId(keys);
        byId.put(key.keyId(), key);
        return new KeyRing(new ArrayList<>(byId.values()));
    }

    /**
     * This ring and {@code other} together (another server's view of the same key file): every key of either, and of
     * a key in both the later {@code coversUntil}.
     */
    public KeyRing merge(KeyRing other) {
        Map<String, SigningKey> byId = byId(keys);
        for (SigningKey key : other.keys) {
            byId.merge(key.keyId(), key, (mine, theirs) -> mine.coveringUntil(theirs.coversUntil()));
        }
        return new KeyRing(new ArrayList<>(byId.values()));
    }

    private static Map<String, SigningKey> byId(List<SigningKey> keys) {
        Map<String, SigningKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(key.keyId(), key));
        return byId;
    }
}
