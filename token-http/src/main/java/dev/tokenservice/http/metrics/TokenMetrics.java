package dev.tokenservice.http.metrics;

import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.port.TokenEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what the core did, from its events: tokens issued (by grant type), refresh tokens rotated (a refresh is
 * counted here, not as issued), tokens revoked (by
 * cause), refresh token reuse detected, failed authentications (client or user) and accounts linked. The meters are
 * registered up front; an event finds its counter without allocating. Thread-safe.
 */
public final class TokenMetrics implements TokenEventListener {
    static final String ISSUED = "token.service.tokens.issued";
    static final String ROTATED = "token.service.tokens.rotated";
    static final String REVOKED = "token.service.tokens.revoked";
    static final String REUSE_DETECTED = "token.service.refresh.reuse.detected";
    static final String AUTHENTICATION_FAILURES = "token.service.authentication.failures";
    static final String ACCOUNTS_LINKED = "token.service.accounts.linked";

    private final MeterRegistry registry;
    private final Map<GrantType, Counter> issued = new ConcurrentHashMap<>();
    private final Counter rotated;
    private final Map<RevocationCause, Counter> revoked = new EnumMap<>(RevocationCause.class);
    private final Counter reuseDetected;
    private final Map<Party, Counter> authenticationFailures = new EnumMap<>(Party.class);
    private final Counter accountsLinked;

    /**
     * @param grantTypes the grant types whose counters of issued tokens start at zero; another grant type's counter
     *                   is registered when it first issues
     */
    public TokenMetrics(MeterRegistry registry, Set<GrantType> grantTypes) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // A refresh is counted as rotated, not issued.
        grantTypes.stream().filter(grantType -> !grantType.equals(GrantType.REFRESH_TOKEN))
                .forEach(grantType -> issued.put(grantType, issuedCounter(grantType)));
        this.rotated = Counter.builder(ROTATED).description("Refresh tokens exchanged for new tokens of their family")
                .register(registry);
        for (RevocationCause cause : RevocationCause.values()) {
            revoked.put(cause, Counter.builder(REVOKED).description("Tokens revoked, access and refresh, by cause")
                    .tag("cause", cause.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        this.reuseDetected = Counter.builder(REUSE_DETECTED)
                .description("Retired refresh tokens presented again (a sign of a leak)").register(registry);
        for (Party party : Party.values()) {
            authenticationFailures.put(party, Counter.builder(AUTHENTICATION_FAILURES)
                    .description("Wrong or unknown credentials, by who presented them")
                    .tag("party", party.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        this.accountsLinked = Counter.builder(ACCOUNTS_LINKED)
                .description("Accounts at identity providers linked to new local users").register(registry);
    }

    private Counter issuedCounter(GrantType grantType) {
        return Counter.builder(ISSUED).description("Token requests granted, by grant type")
                .tag("grant_type", grantType.value()).register(registry);
    }

    @Override
    public void issued(Issued event) {
        Counter counter = issued.get(event.grantType());
        if (counter == null) {
            counter = issued.computeIfAbsent(event.grantType(), this::issuedCounter);
        }
        counter.increment();
    }

    @Override
    public void refreshed(Refreshed event) {
        rotated.increment();
    }

    @Override
    public void revoked(Revoked event) {
        revoked.get(event.cause()).increment(event.count());
    }

    @Override
    public void reuseDetected(ReuseDetected event) {
        reuseDetected.increment();
    }

    @Override
    public void authenticationFailed(AuthenticationFailed event) {
        authenticationFailures.get(event.party()).increment();
    }

    @Override
    public void accountLinked(AccountLinked event) {
        accountsLinked.increment();
    }
}
