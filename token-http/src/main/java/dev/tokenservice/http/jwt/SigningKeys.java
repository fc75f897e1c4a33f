package dev.tokenservice.http.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live ring of signing keys: hands the signer the key of the moment, publishes the public keys, rotates.
 *
 * <p>Rotation never breaks a token: a new key is published {@link KeyRotationSettings#publishAhead()} before it signs,
 * and the key it replaces stays published until the last token that key signed has expired (see
 * {@link SigningKey#coversUntil()}). Reads are lock-free (one volatile snapshot); changes are serialized and saved to
 * the {@link KeyRingStore} before they take effect. Thread-safe.
 */
public final class SigningKeys {
    /** The {@code typ} header of a JWT access token (RFC 9068 §2.1). */
    public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    /**
     * How much further than the token at hand a key's coverage is raised: a save per key every few minutes under
     * load, not one per token. A retired key stays published at most this much longer than strictly needed.
     */
    static final Duration COVERAGE_STEP = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final KeyRingStore store;
    private final KeyRotationSettings settings;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private SigningKeys(KeyRingStore store, KeyRotationSettings settings, Clock clock, KeyRing ring) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.snapshot = Snapshot.of(ring, clock.instant());
    }

    /**
     * Opens the ring kept in {@code store}; on the first start (an empty store) makes a key that signs at once, since
     * no resource server can hold tokens of this server yet.
     *
     * @throws IllegalArgumentException when a stored key cannot sign
     */
    public static SigningKeys open(KeyRingStore store, KeyRotationSettings settings, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        KeyRing ring = store.load();
        if (ring.isEmpty()) {
            Instant now = clock.instant();
            ring = ring.with(generate(settings.algorithm(), now));
            store.save(ring);
            LOG.info("generated a {} signing key for JWT access tokens in {}", settings.algorithm(), store);
        }
        return new SigningKeys(store, settings, clock, ring);
    }

    /**
     * The key that signs a token expiring at {@code expiresAt}, with its header. Before a key signs a token that
     * outlives its coverage, the coverage is raised and saved: a key is never retired while a token it signed is live.
     */
    public Signing signingFor(Instant expiresAt) {
        while (true) {
            Signing signing = current().signing;
            if (!expiresAt.isAfter(signing.key().coversUntil())) {
                return signing;
            }
            cover(signing.key().keyId(), expiresAt);
        }
    }

    private synchronized void cover(String keyId, Instant expiresAt) {
        KeyRing ring = current().ring;
        ring.keys().stream().filter(key -> key.keyId().equals(keyId)).findFirst()
                .filter(key -> expiresAt.isAfter(key.coversUntil()))
                .ifPresent(key -> change(ring.with(key.coveringUntil(expiresAt.plus(COVERAGE_STEP)))));
    }

    /** The public keys, current and previous and upcoming, as a JWK set document (RFC 7517 §5). */
    public Map<String, Object> publicJwkSet() {
        return current().publicJwkSet;
    }

    /** The ring as it stands now, retired keys left out. */
    public KeyRing ring() {
        return current().ring;
    }

    /**
     * Starts a rotation: a new key, published from now, signs once {@link KeyRotationSettings#publishAhead()} has
     * passed; the current key signs until then, and stays published while tokens it signed live.
     */
    public synchronized SigningKey rotate() {
        Instant now = clock.instant();
        SigningKey next = generate(settings.algorithm(), now.plus(settings.publishAhead()));
        change(current().ring.with(next));
        LOG.info("rotating the JWT signing key: {} signs from {}", next.keyId(), next.signsFrom());
        return next;
    }

    /**
     * The periodic upkeep: takes in keys another server wrote to the same store, rotates when the newest key has
     * signed (or will sign) for a whole {@link KeyRotationSettings#rotationInterval()}, and drops retired keys.
     */
    public synchronized void maintain() {
        Instant now = clock.instant();
        KeyRing stored = store.load();
        KeyRing ring = current().ring.merge(stored).publishedAt(now);
        Duration interval = settings.rotationInterval();
        SigningKey newest = ring.keys().get(ring.keys().size() - 1);
        if (interval != null && !newest.signsFrom().plus(interval).isAfter(now)) {
            SigningKey next = generate(settings.algorithm(), now.plus(settings.publishAhead()));
            ring = ring.with(next);
            LOG.info("scheduled rotation of the JWT signing key: {} signs from {}", next.keyId(), next.signsFrom());
        }
        if (!ring.equals(stored) || !ring.equals(current().ring)) {
            change(ring);
        }
    }

    /** The snapshot for now: rebuilt when a key has started signing or retired since it was made. */
    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current.validUntil != null && !now.isBefore(current.validUntil)) {
            synchronized (this) {
                current = snapshot;
                if (current.validUntil != null && !now.isBefore(current.validUntil)) {
                    current = Snapshot.of(current.ring.publishedAt(now), now);
                    snapshot = current;
                }
            }
        }
        return current;
    }

    /**
     * Saves {@code ring}, with what another server sharing the store saved meanwhile, and makes it current; the caller
     * holds the lock.
     */
    private void change(KeyRing ring) {
        Instant now = clock.instant();
        KeyRing published = ring.merge(store.load()).publishedAt(now);
        store.save(published);
        snapshot = Snapshot.of(published, now);
    }

    private static SigningKey generate(SigningAlgorithm algorithm, Instant signsFrom) {
        try {
            return new SigningKey(algorithm.generate(UUID.randomUUID().toString()), signsFrom, signsFrom);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    /** The key that signs, its signer and the header of its tokens ({@code alg}, {@code typ: at+jwt}, {@code kid}). */
    public record Signing(SigningKey key, JWSSigner signer, JWSHeader header) {
        static Signing of(SigningKey key) {
            try {
                return new Signing(key, key.algorithm().signer(key.jwk()),
                        new JWSHeader.Builder(key.algorithm().jws()).type(AT_JWT).keyID(key.keyId()).build());
            } catch (JOSEException e) {
                throw new IllegalArgumentException("signing key " + key.keyId() + " cannot sign", e);
            }
        }
    }

    /** One consistent view: the ring, the signing key, the published set, and until when this view holds. */
    private record Snapshot(KeyRing ring, Signing signing, Map<String, Object> publicJwkSet,
            @Nullable Instant validUntil) {
        static Snapshot of(KeyRing ring, Instant now) {
            SigningKey signingKey = ring.signingAt(now).orElseThrow(() -> new IllegalStateException("no signing key"));
            Map<String, Object> jwks = new JWKSet(ring.keys().stream().map(SigningKey::jwk).map(JWK::toPublicJWK)
                    .toList()).toJSONObject(true);
            return new Snapshot(ring, Signing.of(signingKey), Map.copyOf(new HashMap<>(jwks)),
                    ring.nextChangeAfter(now));
        }
    }
}
