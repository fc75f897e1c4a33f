package dev.tokenservice.core.grant;

import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.policy.IssuancePolicy;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The refresh grace window: a client that lost the answer to its refresh (the server died after storing the
 * rotation, the connection dropped) presents the retired refresh token again and gets the same successor pair back,
 * instead of tripping reuse detection and losing its family.
 *
 * <p>Token values are never stored in clear, so the rotation keeps the successor pair <em>sealed</em> with the retired
 * token: AES-256-GCM under a key derived (HMAC-SHA256) from the retired token's value, which the store never holds
 * (it keeps only the SHA-256 digest), and then, when sealing is on, sealed again under the server's token key. Opening
 * it takes the retired token's value, the database row and (with sealing) the server's key together. The pair is
 * handed back only while the window lasts (counted from the rotation), and only while the successor refresh token is
 * live and unused and its access token live: once the client used the successor, presenting the old token again is
 * reuse as before. Thread-safe.
 */
public final class SuccessorHandback {
    private static final String PURPOSE = "dev.tokenservice refresh successor v1";

    private final TokenStore tokens;
    private final TokenSealer sealer;
    private final IssuancePolicy policy;
    private final Clock clock;

    public SuccessorHandback(TokenStore tokens, TokenSealer sealer, IssuancePolicy policy, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The successor pair of a rotation sealed to the retired token's value {@code presented}, to keep with the retired
     * token; {@code null} when the client has no grace window, so that nothing more is stored.
     */
    public @Nullable SealedSuccessor seal(Client client, TokenValue presented, TokenValue access, TokenValue refresh) {
        if (policy.refreshGraceWindow(client).isZero()) {
            return null;
        }
        // Token values are base64url: a space cannot occur in either.
        SealedToken inner = AesGcmTokenSealer.derivedFrom(presented, PURPOSE)
                .seal(new TokenValue(access.value() + " " + refresh.value())).orElseThrow();
        if (!sealer.isEnabled()) {
            return new SealedSuccessor(inner.value());
        }
        return new SealedSuccessor(sealer.seal(new TokenValue(inner.value())).orElseThrow().value());
    }

    /**
     * The answer the rotation of {@code retired} gave, when {@code presented} is its value, the client's grace window
     * has not passed since that rotation, and the successor pair is untouched; empty otherwise.
     */
    public Optional<TokenResponse> handBack(Client client, RefreshToken retired, TokenValue presented) {
        Duration window = policy.refreshGraceWindow(client);
        if (window.isZero()) {
            return Optional.empty();
        }
        return tokens.findSuccessor(retired.digest())
                .flatMap(sealed -> open(sealed, presented))
                .flatMap(values -> answer(retired, values, window));
    }

    private Optional<String[]> open(SealedSuccessor sealed, TokenValue presented) {
        Optional<TokenValue> inner = sealer.isEnabled()
                ? sealer.unseal(new SealedToken(sealed.value()))
                : Optional.of(new TokenValue(sealed.value()));
        return inner.flatMap(value -> AesGcmTokenSealer.derivedFrom(presented, PURPOSE)
                        .unseal(new SealedToken(value.value())))
                .map(pair -> pair.value().split(" ", -1))
                .filter(values -> values.length == 2);
    }

    private Optional<TokenResponse> answer(RefreshToken retired, String[] values, Duration window) {
        Instant now = clock.instant();
        TokenValue access = new TokenValue(values[0]);
        TokenValue refresh = new TokenValue(values[1]);
        boolean successorUntouched = tokens.findRefreshToken(TokenDigest.of(refresh))
                .filter(successor -> !successor.used() && successor.familyId().equals(retired.familyId()))
                .filter(successor -> now.isBefore(successor.issuedAt().plus(window)))
                .isPresent();
        if (!successorUntouched) {
            return Optional.empty();
        }
        return tokens.findAccessToken(TokenDigest.of(access))
                .filter(token -> retired.familyId().equals(token.familyId()))
                .map(token -> new TokenResponse(access, remaining(token, now), token.scope(), refresh));
    }

    /** Whole seconds, rounded down: {@code expires_in} must never promise more than the token has. */
    private static Duration remaining(AccessToken token, Instant now) {
        return Duration.ofSeconds(Duration.between(now, token.expiresAt()).getSeconds());
    }
}
