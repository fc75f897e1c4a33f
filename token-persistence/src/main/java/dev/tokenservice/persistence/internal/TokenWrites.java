package dev.tokenservice.persistence.internal;

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
import dev.tokenservice.persistence.internal.TokenSql.TokenTable;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * The statements of every change to the token tables, in the caller's transaction: as the store makes them, and as
 * {@link #redo} makes them again from the token journal after a crash. Not API.
 */
public final class TokenWrites {
    private TokenWrites() {
    }

    /**
     * Inserts a pair. A digest already stored in the same table fails on the primary key (and the transaction rolls
     * back). No query looks for it in the other table first: two values of 256 random bits never meet.
     */
    public static void insert(Handle handle, TokenPair tokens) {
        AccessToken access = tokens.access();
        RefreshToken refresh = tokens.refresh();
        if (refresh != null && refresh.digest().equals(access.digest())) {
            throw new StorageException("a token pair must have two different values");
        }
        TokenRows.bind(handle.createUpdate(TokenSql.INSERT_ACCESS), access).execute();
        if (refresh != null) {
            TokenRows.bind(handle.createUpdate(TokenSql.INSERT_REFRESH), refresh).execute();
        }
    }

    /** Marks the live, unused refresh token used and saves the replacement; false, changing nothing, otherwise. */
    public static boolean rotate(Handle handle, TokenDigest used, TokenPair replacement,
            @Nullable SealedSuccessor successor, long now) {
        int marked = handle.createUpdate(TokenSql.MARK_REFRESH_USED)
                .bind("digest", used.value())
                .bind("successor", successor == null ? null : successor.value())
                .bind("now", now)
                .execute();
        if (marked != 1) {
            return false;
        }
        // Same transaction: if the replacement cannot be saved, the old token is not spent either.
        insert(handle, replacement);
        return true;
    }

    public static int revokeAccess(Handle handle, TokenDigest digest) {
        return handle.createUpdate(TokenSql.DELETE_ACCESS).bind("digest", digest.value()).execute();
    }

    public static int revokeFamily(Handle handle, FamilyId familyId) {
        return handle.createUpdate(TokenSql.DELETE_ACCESS_OF_FAMILY).bind("familyId", familyId.value()).execute()
                + handle.createUpdate(TokenSql.DELETE_REFRESH_OF_FAMILY).bind("familyId", familyId.value()).execute();
    }

    public static int revokeSelected(Handle handle, HolderSelector selector) {
        List<String> conditions = new ArrayList<>(2);
        if (selector.username() != null) {
            conditions.add(TokenSql.SELECTED_USER);
        }
        if (selector.clientId() != null) {
            conditions.add(TokenSql.SELECTED_CLIENT);
        }
        String condition = String.join(" AND ", conditions);
        return deleteSelected(handle, ACCESS, condition, selector) + deleteSelected(handle, REFRESH, condition, selector);
    }

    private static int deleteSelected(Handle handle, TokenTable table, String condition, HolderSelector selector) {
        Update delete = handle.createUpdate(TokenSql.deleteWhere(table, condition));
        if (selector.username() != null) {
            delete.bind("username", selector.username().value());
        }
        if (selector.clientId() != null) {
            delete.bind("clientId", selector.clientId().value());
        }
        return delete.execute();
    }

    public static int revokeHeldBy(Handle handle, TokenHolder holder) {
        String condition = holderCondition(holder);
        return deleteHeld(handle, ACCESS, condition, holder) + deleteHeld(handle, REFRESH, condition, holder);
    }

    private static int deleteHeld(Handle handle, TokenTable table, String condition, TokenHolder holder) {
        Update delete = handle.createUpdate(TokenSql.deleteWhere(table, condition))
                .bind("clientId", holder.clientId().value());
        if (holder.username() != null) {
            delete.bind("username", holder.username().value());
        }
        return delete.execute();
    }

    /** Deletes every token of exactly {@code holder} and inserts {@code tokens}; returns how many were deleted. */
    public static int replaceHeldBy(Handle handle, TokenHolder holder, TokenPair tokens) {
        int revoked = revokeHeldBy(handle, holder);
        insert(handle, tokens);
        return revoked;
    }

    /** The condition that selects exactly {@code holder}'s tokens. */
    public static String holderCondition(TokenHolder holder) {
        return holder.username() != null ? TokenSql.HOLDER_WITH_USER : TokenSql.HOLDER_WITHOUT_USER;
    }

    /** True when the tables have the columns of V6 (the family start); false on a schema an earlier version left. */
    public static boolean hasFamilyStart(Handle handle) {
        return handle.createQuery(TokenSql.COUNT_FAMILY_START_COLUMNS).mapTo(Long.class).one() > 0;
    }

    /**
     * Makes {@code write} again, on a database that may already hold it and any write before it: saves only what is
     * absent, and spends a rotated token whatever it looks like now. Redone in journal order, the writes leave the
     * state they left the first time. {@code familyStart} says whether the schema has V6's columns (see
     * {@link #hasFamilyStart}); without them, the write is redone as the earlier version that recorded it made it.
     */
    public static void redo(Handle handle, TokenWrite write, boolean familyStart) {
        if (write instanceof TokenWrite.Save save) {
            insertAbsent(handle, save.tokens(), familyStart);
        } else if (write instanceof TokenWrite.Rotate rotate) {
            if (familyStart) {
                handle.createUpdate(TokenSql.MARK_REFRESH_USED_AGAIN)
                        .bind("digest", rotate.used().value())
                        .bind("successor", rotate.successor() == null ? null : rotate.successor().value())
                        .execute();
            } else {
                handle.createUpdate(TokenSql.MARK_REFRESH_USED_AGAIN_BEFORE_V6)
                        .bind("digest", rotate.used().value())
                        .execute();
            }
            insertAbsent(handle, rotate.replacement(), familyStart);
        } else if (write instanceof TokenWrite.RevokeAccess revoke) {
            revokeAccess(handle, revoke.digest());
        } else if (write instanceof TokenWrite.RevokeFamily revoke) {
            revokeFamily(handle, revoke.familyId());
        } else if (write instanceof TokenWrite.RevokeSelected revoke) {
            revokeSelected(handle, revoke.selector());
        } else if (write instanceof TokenWrite.RevokeHeldBy revoke) {
            revokeHeldBy(handle, revoke.holder());
        } else if (write instanceof TokenWrite.Replace replace) {
            revokeHeldBy(handle, replace.holder());
            insertAbsent(handle, replace.tokens(), familyStart);
        }
    }

    private static void insertAbsent(Handle handle, TokenPair tokens, boolean familyStart) {
        if (!exists(handle, TokenSql.ACCESS_EXISTS, tokens.access().digest())) {
            TokenRows.bind(handle.createUpdate(TokenSql.INSERT_ACCESS), tokens.access()).execute();
        }
        RefreshToken refresh = tokens.refresh();
        if (refresh != null && !exists(handle, TokenSql.REFRESH_EXISTS, refresh.digest())) {
            if (familyStart) {
                TokenRows.bind(handle.createUpdate(TokenSql.INSERT_REFRESH), refresh).execute();
            } else {
                // The row's family start has no column yet: V6 fills it in from the family's oldest member.
                TokenRows.bind(handle.createUpdate(TokenSql.INSERT_REFRESH_BEFORE_V6)
                        .configure(SqlStatements.class, config -> config.setUnusedBindingAllowed(true)), refresh)
                        .execute();
            }
        }
    }

    private static boolean exists(Handle handle, String sql, TokenDigest digest) {
        return handle.createQuery(sql).bind("digest", digest.value()).mapTo(Long.class).one() > 0;
    }
}
