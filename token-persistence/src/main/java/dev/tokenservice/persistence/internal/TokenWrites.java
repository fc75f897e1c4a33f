package dev.tokenservice.persistence.internal;

import static dev.tokenservice.persistence.internal.TokenSql.TokenTable.ACCESS;
import static dev.tokenservice.persistence.internal.TokenSql.TokenTable.REFRESH;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.persistence.internal.TokenSql.TokenTable;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

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
    public static boolean rotate(Handle handle, TokenDigest used, TokenPair replacement, long now) {
        int marked = handle.createUpdate(TokenSql.MARK_REFRESH_USED)
                .bind("digest", used.value())
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

    /** The condition that selects exactly {@code holder}'s tokens. */
    public static String holderCondition(TokenHolder holder) {
        return holder.username() != null ? TokenSql.HOLDER_WITH_USER : TokenSql.HOLDER_WITHOUT_USER;
    }

    /**
     * Makes {@code write} again, on a database that may already hold it and any write before it: saves only what is
     * absent, and spends a rotated token whatever it looks like now. Redone in journal order, the writes leave the
     * state they left the first time.
     */
    public static void redo(Handle handle, TokenWrite write) {
        if (write instanceof TokenWrite.Save save) {
            insertAbsent(handle, save.tokens());
        } else if (write instanceof TokenWrite.Rotate rotate) {
            handle.createUpdate(TokenSql.MARK_REFRESH_USED_AGAIN).bind("digest", rotate.used().value()).execute();
            insertAbsent(handle, rotate.replacement());
        } else if (write instanceof TokenWrite.RevokeAccess revoke) {
            revokeAccess(handle, revoke.digest());
        } else if (write instanceof TokenWrite.RevokeFamily revoke) {
            revokeFamily(handle, revoke.familyId());
        } else if (write instanceof TokenWrite.RevokeSelected revoke) {
            revokeSelected(handle, revoke.selector());
        } else if (write instanceof TokenWrite.RevokeHeldBy revoke) {
            revokeHeldBy(handle, revoke.holder());
        }
    }

    private static void insertAbsent(Handle handle, TokenPair tokens) {
        if (!exists(handle, TokenSql.ACCESS_EXISTS, tokens.access().digest())) {
            TokenRows.bind(handle.createUpdate(TokenSql.INSERT_ACCESS), tokens.access()).execute();
        }
        RefreshToken refresh = tokens.refresh();
        if (refresh != null && !exists(handle, TokenSql.REFRESH_EXISTS, refresh.digest())) {
            TokenRows.bind(handle.createUpdate(TokenSql.INSERT_REFRESH), refresh).execute();
        }
    }

    private static boolean exists(Handle handle, String sql, TokenDigest digest) {
        return handle.createQuery(sql).bind("digest", digest.value()).mapTo(Long.class).one() > 0;
    }
}
