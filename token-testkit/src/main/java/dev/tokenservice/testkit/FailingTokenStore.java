package dev.tokenservice.testkit;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.TokenStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A {@link TokenStore} whose database is down: every call throws {@link StorageException}. Thread-safe. */
public final class FailingTokenStore implements TokenStore {

    private static StorageException failure() {
        return new StorageException("token store unavailable");
    }

    @Override
    public void save(TokenPair tokens) {
        throw failure();
    }

    @Override
    public Optional<AccessToken> findAccessToken(TokenDigest digest) {
        throw failure();
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(TokenDigest digest) {
        throw failure();
    }

    @Override
    public boolean rotate(TokenDigest used, TokenPair replacement, @Nullable SealedSuccessor successor) {
        throw failure();
    }

    @Override
    public Optional<SealedSuccessor> findSuccessor(TokenDigest used) {
        throw failure();
    }

    @Override
    public int replaceHeldBy(TokenHolder holder, TokenPair tokens) {
        throw failure();
    }

    @Override
    public boolean revokeAccessToken(TokenDigest digest) {
        throw failure();
    }

    @Override
    public int revokeFamily(FamilyId familyId) {
        throw failure();
    }

    @Override
    public int revokeSelected(HolderSelector owner) {
        throw failure();
    }

    @Override
    public int revokeHeldBy(TokenHolder holder) {
        throw failure();
    }

    @Override
    public Optional<AccessToken> findLatestAccessToken(TokenHolder holder) {
        throw failure();
    }

    @Override
    public int deleteExpired(int batchSize) {
        throw failure();
    }
}
