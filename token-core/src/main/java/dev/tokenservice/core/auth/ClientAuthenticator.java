package dev.tokenservice.core.auth;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenEventListener;
import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.core.port.TokenEventListener.Party;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates clients (RFC 6749 §2.3). A confidential client must present its secret; a public client must
 * present none. Every failure is the same {@code invalid_client}, and an unknown client costs a secret check
 * against a dummy hash of the default scheme for generated secrets, so timing does not tell unknown clients from
 * wrong secrets of clients with generated secrets. A client whose secret a person chose costs a slow check; an
 * adapter answering over a network paces every failure to that cost (the HTTP adapter's {@code FailurePacing}). The
 * {@link AuthenticationThrottle} admits each attempt before the secret is checked, under the presented client id
 * whether it exists or not, so a waiting unknown id answers as a waiting known one does. After a rotation with a grace
 * period the retired secret is accepted too until it expires (one more check, only for clients that have one).
 * Thread-safe.
 */
public final class ClientAuthenticator {
    private static final String FAILURE = "client authentication failed";

    private final ClientStore clients;
    private final SecretHasher hasher;
    private final TokenEventListener events;
    private final AuthenticationThrottle throttle;
    private final Clock clock;
    private final SecretHash dummyHash;

    public ClientAuthenticator(ClientStore clients, SecretHasher hasher, TokenEventListener events,
            AuthenticationThrottle throttle, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.events = Objects.requireNonNull(events, "events");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dummyHash = new Sha256SecretHasher().hash(SecureRandomTokenValueGenerator.newClientSecret());
    }

    /**
     * The authenticated client; throws {@code invalid_client} otherwise, or {@code temporarily_unavailable} with a
     * retry-after, before any check, when the client id must wait after failed attempts.
     */
    public Client authenticate(ClientAuthentication presented) {
        AuthenticationThrottle.Attempt attempt = throttle.admit(ThrottleKey.client(presented.clientId()));
        Optional<Client> found = clients.findById(presented.clientId());
        String secret = presented.secret() == null ? null : presented.secret().value();
        SecretHash expected = found.map(Client::secretHash).orElse(dummyHash);
        // Exactly one check on every path, whether the client exists, is public, or sent no secret.
        boolean secretMatches = hasher.verify(secret == null ? "" : secret, expected) && secret != null;
        if (!secretMatches && secret != null && found.isPresent()) {
            secretMatches = found.get().retiredSecretHashAt(clock.instant())
                    .filter(retired -> hasher.verify(secret, retired)).isPresent();
        }
        boolean authenticated = found.isPresent()
                && (found.get().isConfidential() ? secretMatches : secret == null);
        if (!authenticated) {
            attempt.failed();
            events.authenticationFailed(new AuthenticationFailed(Party.CLIENT, presented.clientId().value()));
            throw OAuthException.invalidClient(FAILURE);
        }
        attempt.succeeded();
        return found.get();
    }
}
