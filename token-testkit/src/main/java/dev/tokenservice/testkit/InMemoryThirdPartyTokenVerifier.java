package dev.tokenservice.testkit;

import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.core.port.ThirdPartyTokenVerifier;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ThirdPartyTokenVerifier} for downstream tests, standing in for a provider: tokens are plain strings that a
 * test {@linkplain #issue issues} for an identity; any other string is rejected, as is a token whose expected nonce
 * differs from the one it was issued with. {@link #goDown()} makes the provider unavailable. Counts the calls, so a
 * test can assert that the provider was (or was not) asked. Thread-safe.
 *
 * <pre>{@code
 * InMemoryThirdPartyTokenVerifier google = new InMemoryThirdPartyTokenVerifier("google");
 * String token = google.issue("110169484474386276334", "jane@example.com", "Jane");
 * }</pre>
 */
public final class InMemoryThirdPartyTokenVerifier implements ThirdPartyTokenVerifier {
    private final String provider;
    private final ConcurrentMap<String, Issued> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();

    private record Issued(ThirdPartyIdentity identity, String nonce) { }

    /** A provider named {@code provider}, e.g. {@code google}. */
    public InMemoryThirdPartyTokenVerifier(String provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Issues a token for the account {@code subject}, with a verified e-mail address and a name (either may be null). */
    public String issue(String subject, String email, String name) {
        return issue(new ThirdPartyIdentity(ThirdPartySubject.of(provider, subject), email, name), null);
    }

    /** Issues a token for {@code identity} carrying {@code nonce} (or none); the identity's provider must be this one. */
    public String issue(ThirdPartyIdentity identity, String nonce) {
        if (!identity.provider().equals(provider)) {
            throw new IllegalArgumentException("this verifier speaks for " + provider + ", not " + identity.provider());
        }
        String token = provider + "-token-" + counter.incrementAndGet();
        tokens.put(token, new Issued(identity, nonce));
        return token;
    }

    /** Makes {@code token} invalid from now on, as an expired or revoked token is. */
    public void revoke(String token) {
        tokens.remove(token);
    }

    /** The provider stops answering: every call fails as unavailable until {@link #comeBack()}. */
    public void goDown() {
        down.set(true);
    }

    /** The provider answers again. */
    public void comeBack() {
        down.set(false);
    }

    /** How many times the provider was asked. */
    public int calls() {
        return calls.get();
    }

    @Override
    public ThirdPartyIdentity verify(ThirdPartyToken token) {
        calls.incrementAndGet();
        if (down.get()) {
            throw ThirdPartyTokenException.unavailable(provider + " did not answer", null);
        }
        Issued issued = tokens.get(token.value());
        if (issued == null) {
            throw ThirdPartyTokenException.rejected(provider + " token is not valid");
        }
        if (token.nonce() != null && !Optional.ofNullable(token.nonce()).get().equals(issued.nonce())) {
            throw ThirdPartyTokenException.rejected(provider + " token does not carry the expected nonce");
        }
        return issued.identity();
    }
}
