package dev.tokenservice.persistence;

import static dev.tokenservice.persistence.internal.TokenSql.TokenTable.ACCESS;
import static dev.tokenservice.persistence.internal.TokenSql.TokenTable.REFRESH;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.persistence.internal.Dialect;
import dev.tokenservice.persistence.internal.Millis;
import dev.tokenservice.persistence.internal.Storage;
import dev.tokenservice.persistence.internal.TokenRows;
import dev.tokenservice.persistence.internal.TokenSql;
import dev.tokenservice.persistence.internal.TokenSql.TokenTable;
import dev.tokenservice.persistence.internal.TokenWrite;
import dev.tokenservice.persistence.internal.TokenWrites;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The {@link TokenStore} on a database: tables {@code access_tokens} and {@code refresh_tokens}, keyed by the
 * digest of the token value. Values are never stored; an access token may be stored sealed. Every method is one
 * statement or one short transaction, so servers that share a database stay consistent; refresh-token rotation
 * (RFC 6749 §10.4) is decided by a single conditional {@code UPDATE}. Failures of the database surface as
 * {@link StorageException}. Thread-safe.
 */
public final class JdbiTokenStore implements TokenStore {
    private final Jdbi jdbi;
    private final Clock clock;
    private final DurableWrites writes;

    /**
     * A store on {@code jdbi} that reads the time (what is live, what expired) from {@code clock}, and whose writes
     * return only after {@code barrier} (see {@link Database#tokenStore}, which passes the database's own).
     * Fails with {@link IllegalArgumentException} when {@code barrier} is {@link DurabilityBarrier#NONE} and
     * {@code jdbi} is on an H2 file database, whose commit alone is not durable.
     */
    public JdbiTokenStore(Jdbi jdbi, Clock clock, DurabilityBarrier barrier) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writes = new DurableWrites(jdbi, barrier, "JdbiTokenStore");
    }

    @Override
    public void save(TokenPair tokens) {
        Objects.requireNonNull(tokens, "tokens");
        writes.update("save tokens", handle -> {
            TokenWrites.insert(handle, tokens);
            return true;
        }, saved -> new TokenWrite.Save(tokens));
    }

    @Override
    public Optional<AccessToken> findAccessToken(TokenDigest digest) {
        Objects.requireNonNull(digest, "digest");
        return Storage.call("find an access token", () -> jdbi.withHandle(handle -> handle
                .createQuery(TokenSql.FIND_LIVE_ACCESS)
                .bind("digest", digest.value())
                .bind("now", now())
                .map(TokenRows.ACCESS_TOKEN)
                .findOne()));
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(TokenDigest digest) {
        Objects.requireNonNull(digest, "digest");
        return Storage.call("find a refresh token", () -> jdbi.withHandle(handle -> handle
                .createQuery(TokenSql.FIND_LIVE_REFRESH)
                .bind("digest", digest.value())
                .bind("now", now())
                .map(TokenRows.REFRESH_TOKEN)
                .findOne()));
    }

    @Override
    public boolean rotate(TokenDigest used, TokenPair replacement, @Nullable SealedSuccessor successor) {
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(replacement, "replacement");
        return writes.update("rotate a refresh token",
                handle -> TokenWrites.rotate(handle, used, replacement, successor, now()),
                rotated -> rotated ? new TokenWrite.Rotate(used, replacement, successor) : null);
    }

    @Override
    public Optional<SealedSuccessor> findSuccessor(TokenDigest used) {
        Objects.requireNonNull(used, "used");
        return Storage.call("find the successor of a refresh token", () -> jdbi.withHandle(handle -> handle
                .createQuery(TokenSql.FIND_SUCCESSOR)
                .bind("digest", used.value())
                .bind("now", now())
                .mapTo(String.class)
                .findOne()
                .map(SealedSuccessor::new)));
    }

    @Override
    public boolean revokeAccessToken(TokenDigest digest) {
        Objects.requireNonNull(digest, "digest");
        return writes.update("revoke an access token", handle -> TokenWrites.revokeAccess(handle, digest),
                count -> count > 0 ? new TokenWrite.RevokeAccess(digest) : null) > 0;
    }

    @Override
    public int revokeFamily(FamilyId familyId) {
        Objects.requireNonNull(familyId, "familyId");
        return writes.update("revoke a token family", handle -> TokenWrites.revokeFamily(handle, familyId),
                count -> count > 0 ? new TokenWrite.RevokeFamily(familyId) : null);
    }

    @Override
    public int revokeSelected(HolderSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return writes.update("revoke tokens", handle -> TokenWrites.revokeSelected(handle, selector),
                count -> count > 0 ? new TokenWrite.RevokeSelected(selector) : null);
    }

    @Override
    public Optional<AccessToken> findLatestAccessToken(TokenHolder holder) {
        Objects.requireNonNull(holder, "holder");
        String sql = String.format(TokenSql.LATEST_ACCESS_OF_HOLDER, TokenWrites.holderCondition(holder));
        return Storage.call("find the latest access token", () -> jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql).bind("clientId", holder.clientId().value()).bind("now", now());
            Optional.ofNullable(holder.username()).ifPresent(user -> query.bind("username", user.value()));
            return query.map(TokenRows.ACCESS_TOKEN).findOne();
        }));
    }

    @Override
    public int revokeHeldBy(TokenHolder holder) {
        Objects.requireNonNull(holder, "holder");
        return writes.update("revoke tokens", handle -> TokenWrites.revokeHeldBy(handle, holder),
                count -> count > 0 ? new TokenWrite.RevokeHeldBy(holder) : null);
    }

    @Override
    public int replaceHeldBy(TokenHolder holder, TokenPair tokens) {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(tokens, "tokens");
        return writes.update("replace tokens", handle -> TokenWrites.replaceHeldBy(handle, holder, tokens),
                revoked -> new TokenWrite.Replace(holder, tokens));
    }

    /**
     * Deletes one bounded batch: first expired access tokens, then, if the batch is not full, expired refresh
     * tokens. Each table is one short statement in its own transaction, so no lock is held across the batch and
     * no expired row is loaded into memory. No durability wait: a delete lost in a crash is redone by the next run.
     */
    @Override
    public int deleteExpired(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        long now = now();
        return Storage.call("delete expired tokens", () -> {
            int deleted = deleteExpired(ACCESS, now, batchSize);
            if (deleted < batchSize) {
                deleted += deleteExpired(REFRESH, now, batchSize - deleted);
            }
            return deleted;
        });
    }

    private int deleteExpired(TokenTable table, long now, int limit) {
        return jdbi.withHandle(handle -> handle.createUpdate(Dialect.of(handle).deleteExpired(table))
                .bind("now", now)
                .bind("limit", limit)
                .execute());
    }

    private long now() {
        return Millis.of(clock.instant());
    }

    @Override
    public String toString() {
        return "JdbiTokenStore";
    }
}
