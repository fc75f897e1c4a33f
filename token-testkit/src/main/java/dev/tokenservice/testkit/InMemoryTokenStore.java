package dev.tokenservice.testkit;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} and {@link TokenQuery} in memory, passing the same contract suites as the database adapters.
 * One lock guards both maps, so every operation, rotation included, is atomic. Thread-safe.
 */
public final class InMemoryTokenStore implements TokenStore, TokenQuery {
    private final Clock clock;
    private final Map<TokenDigest, AccessToken> accessTokens = new HashMap<>();
    private final Map<TokenDigest, RefreshToken> refreshTokens = new HashMap<>();
    /** The successors kept with used refresh tokens; an entry goes when its token goes. */
    private final Map<TokenDigest, SealedSuccessor> successors = new HashMap<>();

    /** A store that reads the time from {@code clock}. */
    public InMemoryTokenStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void save(TokenPair tokens) {
        requireNew(tokens);
        accessTokens.put(tokens.access().digest(), tokens.access());
        Optional.ofNullable(tokens.refresh()).ifPresent(refresh -> refreshTokens.put(refresh.digest(), refresh));
    }

    private void requireNew(TokenPair tokens) {
        TokenDigest access = tokens.access().digest();
        if (accessTokens.containsKey(access) || refreshTokens.containsKey(access) || Optional.ofNullable(tokens.refresh())
                .map(r -> r.digest().equals(access) || refreshTokens.containsKey(r.digest())
                        || accessTokens.containsKey(r.digest()))
                .orElse(false)) {
            throw new StorageException("a token with this digest is already stored");
        }
    }

    @Override
    public synchronized Optional<AccessToken> findAccessToken(TokenDigest digest) {
        return Optional.ofNullable(accessTokens.get(digest)).filter(live(AccessToken::expiresAt));
    }

    @Override
    public synchronized Optional<RefreshToken> findRefreshToken(TokenDigest digest) {
        return Optional.ofNullable(refreshTokens.get(digest)).filter(live(RefreshToken::expiresAt));
    }

    @Override
    public synchronized boolean rotate(TokenDigest used, TokenPair replacement, @Nullable SealedSuccessor successor) {
        Optional<RefreshToken> current = findRefreshToken(used).filter(token -> !token.used());
        if (current.isEmpty()) {
            return false;
        }
        requireNew(replacement);
        refreshTokens.put(used, current.get().asUsed());
        if (successor != null) {
            successors.put(used, successor);
        }
        save(replacement);
        return true;
    }

    @Override
    public synchronized Optional<SealedSuccessor> findSuccessor(TokenDigest used) {
        return findRefreshToken(used).filter(RefreshToken::used).map(token -> successors.get(used));
    }

    @Override
    public synchronized boolean revokeAccessToken(TokenDigest digest) {
        return accessTokens.remove(digest) != null;
    }

    @Override
    public synchronized int revokeFamily(FamilyId familyId) {
        return forgetOrphanedSuccessors(removeIf(accessTokens.values(), token -> familyId.equals(token.familyId()))
                + removeIf(refreshTokens.values(), token -> familyId.equals(token.familyId())));
    }

    @Override
    public synchronized int revokeSelected(HolderSelector selector) {
        return forgetOrphanedSuccessors(
                removeIf(accessTokens.values(), token -> selector.matches(token.clientId(), token.username()))
                + removeIf(refreshTokens.values(), token -> selector.matches(token.clientId(), token.username())));
    }

    @Override
    public synchronized int revokeHeldBy(TokenHolder holder) {
        return forgetOrphanedSuccessors(
                removeIf(accessTokens.values(), token -> holder.equals(new TokenHolder(token.clientId(), token.username())))
                + removeIf(refreshTokens.values(),
                        token -> holder.equals(new TokenHolder(token.clientId(), token.username()))));
    }

    @Override
    public synchronized int replaceHeldBy(TokenHolder holder, TokenPair tokens) {
        requireNew(tokens);
        int revoked = revokeHeldBy(holder);
        save(tokens);
        return revoked;
    }

    @Override
    public synchronized Optional<AccessToken> findLatestAccessToken(TokenHolder holder) {
        return accessTokens.values().stream()
                .filter(token -> holder.equals(TokenHolder.of(token)))
                .filter(live(AccessToken::expiresAt))
                .max(Comparator.comparing(AccessToken::issuedAt).thenComparing(token -> token.id().value()));
    }

    @Override
    public synchronized int deleteExpired(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        Instant now = clock.instant();
        int deleted = 0;
        for (var it = accessTokens.values().iterator(); it.hasNext() && deleted < batchSize; ) {
            if (!it.next().isLiveAt(now)) {
                it.remove();
                deleted++;
            }
        }
        for (var it = refreshTokens.values().iterator(); it.hasNext() && deleted < batchSize; ) {
            if (!it.next().isLiveAt(now)) {
                it.remove();
                deleted++;
            }
        }
        return forgetOrphanedSuccessors(deleted);
    }

    @Override
    public synchronized TokenPage list(TokenListQuery query) {
        List<TokenSummary> matching = accessTokens.values().stream()
                .filter(live(AccessToken::expiresAt))
                .map(AccessToken::summary)
                .filter(query::matches)
                .sorted(comparator(query.effectiveOrder()))
                .toList();
        List<TokenSummary> page = matching.stream().skip(query.offset()).limit(query.size()).toList();
        return TokenPage.of(query, page, matching.size());
    }

    /** The number of stored tokens of both kinds, live or not: for tests that check what a failure left behind. */
    public synchronized int size() {
        return accessTokens.size() + refreshTokens.size();
    }

    /** Every stored access token, live or not, for tests that inspect what is kept. */
    public synchronized List<AccessToken> accessTokens() {
        return List.copyOf(accessTokens.values());
    }

    /** Every stored refresh token, live or not, for tests that inspect what is kept. */
    public synchronized List<RefreshToken> refreshTokens() {
        return List.copyOf(refreshTokens.values());
    }

    private <T> Predicate<T> live(Function<T, Instant> expiresAt) {
        Instant now = clock.instant();
        return token -> now.isBefore(expiresAt.apply(token));
    }

    /** Drops the successors of tokens that are gone; returns {@code removed}. */
    private int forgetOrphanedSuccessors(int removed) {
        successors.keySet().retainAll(refreshTokens.keySet());
        return removed;
    }

    private static <T> int removeIf(Collection<T> tokens, Predicate<T> condition) {
        int before = tokens.size();
        tokens.removeIf(condition);
        return before - tokens.size();
    }

    private static Comparator<TokenSummary> comparator(List<SortOrder> order) {
        Comparator<TokenSummary> result = (a, b) -> 0;
        for (SortOrder sortOrder : order) {
            Comparator<TokenSummary> next = switch (sortOrder.property()) {
                case CLIENT_ID -> Comparator.comparing(token -> token.clientId().value());
                // Nulls are low: first when ascending, last when descending, as the contract says.
                case USERNAME -> Comparator.comparing(token -> Optional.ofNullable(token.username()).map(u -> u.value()).orElse(null),
                        Comparator.nullsFirst(Comparator.<String>naturalOrder()));
                case ISSUED_AT -> Comparator.comparing(TokenSummary::issuedAt);
                case EXPIRES_AT -> Comparator.comparing(TokenSummary::expiresAt);
                case TOKEN_ID -> Comparator.comparing(token -> token.id().value());
            };
            result = result.thenComparing(sortOrder.ascending() ? next : next.reversed());
        }
        return result;
    }
}
