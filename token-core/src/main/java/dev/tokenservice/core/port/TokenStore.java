package dev.tokenservice.core.port;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenPair;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stored access and refresh tokens, keyed by the digest of their values. A store reads the time from the clock it
 * was built with; an expired token is absent to every finder. Revoking deletes: a revoked token is absent too.
 * Implementations must be thread-safe, and the methods documented as atomic must stay atomic when several
 * processes share one database.
 */
public interface TokenStore {

    /**
     * Saves both tokens of one issuance atomically: afterwards both are found, or (on failure) neither.
     * Saving a digest that is already stored fails with {@link StorageException}.
     */
    void save(TokenPair tokens);

    /** The live access token with this digest, or empty when it is unknown, expired or revoked. */
    Optional<AccessToken> findAccessToken(TokenDigest digest);

    /** The live refresh token with this digest, used or not; empty when it is unknown, expired or revoked. */
    Optional<RefreshToken> findRefreshToken(TokenDigest digest);

    /**
     * Refresh-token rotation (RFC 6749 §10.4), atomically: marks the live, unused refresh token {@code used} as
     * used and saves {@code replacement}. Returns true for the one caller that did so. Returns false, changing
     * nothing, when the token is unknown, expired, revoked or already used, including when a concurrent caller
     * won the race for it.
     */
    default boolean rotate(TokenDigest used, TokenPair replacement) {
        return rotate(used, replacement, null);
    }

    /**
     * As {@link #rotate(TokenDigest, TokenPair)}, and keeps {@code successor} (when not null) with the token marked
     * used, in the same atomic step, for {@link #findSuccessor}.
     */
    boolean rotate(TokenDigest used, TokenPair replacement, @Nullable SealedSuccessor successor);

    /**
     * The successor kept by {@link #rotate(TokenDigest, TokenPair, SealedSuccessor)} with the live, used refresh
     * token of this digest; empty when the token is unknown, expired, revoked, unused, or was rotated without one.
     */
    Optional<SealedSuccessor> findSuccessor(TokenDigest used);

    /** Deletes one access token; returns false when there was no such token. */
    boolean revokeAccessToken(TokenDigest digest);

    /** Deletes every access and refresh token of the family; returns how many were deleted. */
    int revokeFamily(FamilyId familyId);

    /** Deletes every access and refresh token the selector matches (a user, a client or a pair); returns how many. */
    int revokeSelected(HolderSelector selector);

    /**
     * The holder's most recently issued live access token, or empty. Ties are broken by the larger token id. A
     * holder without a username matches tokens issued to the client alone.
     */
    Optional<AccessToken> findLatestAccessToken(TokenHolder holder);

    /** Deletes every access and refresh token of exactly this holder; returns how many were deleted. */
    int revokeHeldBy(TokenHolder holder);

    /**
     * Replaces a holder's tokens, atomically: deletes every access and refresh token of exactly {@code holder} (as
     * {@link #revokeHeldBy}) and saves {@code tokens} (as {@link #save}); returns how many were deleted. On failure
     * (a digest already stored, the database down) nothing is deleted and nothing saved, so the holder never ends
     * up with no token at all.
     */
    int replaceHeldBy(TokenHolder holder, TokenPair tokens);

    /**
     * Deletes at most {@code batchSize} tokens (of either kind) that expired before now; returns how many. Callers
     * repeat until it returns less than the batch size, so no single call holds locks for long.
     */
    int deleteExpired(int batchSize);
}
