package com.example.invoices;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.port.TokenQuery;
import dev.tokenservice.core.port.TokenStore;
import dev.tokenservice.testkit.InMemoryTokenStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A custom adapter: keeps the tokens of an {@link InMemoryTokenStore} and writes an audit line per change. It is a
 * {@link TokenQuery} too, over the same tokens: the administration lists what the grants stored.
 */
public final class AuditedTokenStore implements TokenStore, TokenQuery {
    private final InMemoryTokenStore tokens;
    private final List<String> audit = new CopyOnWriteArrayList<>();

    public AuditedTokenStore(Clock clock) {
        this.tokens = new InMemoryTokenStore(clock);
    }

    public List<String> audit() {
        return List.copyOf(audit);
    }

    @Override
    public void save(TokenPair pair) {
        tokens.save(pair);
        audit.add("saved " + pair.access().id().value());
    }

    @Override
    public Optional<AccessToken> findAccessToken(TokenDigest digest) {
        return tokens.findAccessToken(digest);
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(TokenDigest digest) {
        return tokens.findRefreshToken(digest);
    }

    @Override
    public boolean rotate(TokenDigest used, TokenPair replacement, SealedSuccessor successor) {
        boolean rotated = tokens.rotate(used, replacement, successor);
        if (rotated) {
            audit.add("rotated into " + replacement.access().id().value());
        }
        return rotated;
    }

    @Override
    public Optional<SealedSuccessor> findSuccessor(TokenDigest used) {
        return tokens.findSuccessor(used);
    }

    @Override
    public boolean revokeAccessToken(TokenDigest digest) {
        audit.add("revoked an access token");
        return tokens.revokeAccessToken(digest);
    }

    @Override
    public int revokeFamily(FamilyId familyId) {
        audit.add("revoked family " + familyId.value());
        return tokens.revokeFamily(familyId);
    }

    @Override
    public int revokeSelected(HolderSelector selector) {
        audit.add("revoked " + selector);
        return tokens.revokeSelected(selector);
    }

    @Override
    public Optional<AccessToken> findLatestAccessToken(TokenHolder holder) {
        return tokens.findLatestAccessToken(holder);
    }

    @Override
    public int revokeHeldBy(TokenHolder holder) {
        audit.add("revoked the tokens of " + holder);
        return tokens.revokeHeldBy(holder);
    }

    @Override
    public int replaceHeldBy(TokenHolder holder, TokenPair pair) {
        int revoked = tokens.replaceHeldBy(holder, pair);
        audit.add("replaced the tokens of " + holder + " with " + pair.access().id().value());
        return revoked;
    }

    @Override
    public int deleteExpired(int batchSize) {
        return tokens.deleteExpired(batchSize);
    }

    @Override
    public TokenPage list(TokenListQuery query) {
        return tokens.list(query);
    }
}
