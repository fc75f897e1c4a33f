package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenPair;
import org.jspecify.annotations.Nullable;

/**
 * A committed change to the token tables, as the token journal records it: enough to redo it after a crash. Redoing
 * the changes of a journal in their order, on a database that already holds any prefix of them, gives the state they
 * left. Not API.
 */
public sealed interface TokenWrite {
    /** Tokens of one issuance were saved. */
    record Save(TokenPair tokens) implements TokenWrite { }

    /** A refresh token was marked used, with its sealed successor if any, and its replacement saved. */
    record Rotate(TokenDigest used, TokenPair replacement, @Nullable SealedSuccessor successor) implements TokenWrite { }

    /** One access token was deleted. */
    record RevokeAccess(TokenDigest digest) implements TokenWrite { }

    /** Every token of a family was deleted. */
    record RevokeFamily(FamilyId familyId) implements TokenWrite { }

    /** Every token the selector matches was deleted. */
    record RevokeSelected(HolderSelector selector) implements TokenWrite { }

    /** Every token of exactly this holder was deleted. */
    record RevokeHeldBy(TokenHolder holder) implements TokenWrite { }

    /** Every token of exactly this holder was deleted and the tokens of one issuance saved, in one transaction. */
    record Replace(TokenHolder holder, TokenPair tokens) implements TokenWrite { }
}
