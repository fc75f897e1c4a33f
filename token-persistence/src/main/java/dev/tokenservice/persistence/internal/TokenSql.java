package dev.tokenservice.persistence.internal;

/**
 * The statements of the token tables. Every value is a named parameter; the only text ever joined into a
 * statement is one of the constant fragments here or in {@link TokenListSql}. Each runs unchanged on H2 and
 * PostgreSQL. Not API.
 */
public final class TokenSql {
    public static final String ACCESS_COLUMNS =
            "digest, token_id, sealed, client_id, username, scope, issued_at, expires_at, family_id";
    public static final String REFRESH_COLUMNS =
            "digest, token_id, client_id, username, scope, issued_at, expires_at, family_id, used, family_issued_at";
    /** What the administration list may read: no digest, no sealed value. */
    public static final String SUMMARY_COLUMNS = "token_id, client_id, username, scope, issued_at, expires_at";

    public static final String INSERT_ACCESS = "INSERT INTO access_tokens (" + ACCESS_COLUMNS + ") VALUES "
            + "(:digest, :tokenId, :sealed, :clientId, :username, :scope, :issuedAt, :expiresAt, :familyId)";
    public static final String INSERT_REFRESH = "INSERT INTO refresh_tokens (" + REFRESH_COLUMNS + ") VALUES "
            + "(:digest, :tokenId, :clientId, :username, :scope, :issuedAt, :expiresAt, :familyId, :used, :familyIssuedAt)";

    /**
     * The schema before V6 (no family start, no successor), which a journal written by an earlier version is redone
     * against: the journal is redone before migrations run.
     */
    public static final String INSERT_REFRESH_BEFORE_V6 = "INSERT INTO refresh_tokens"
            + " (digest, token_id, client_id, username, scope, issued_at, expires_at, family_id, used) VALUES"
            + " (:digest, :tokenId, :clientId, :username, :scope, :issuedAt, :expiresAt, :familyId, :used)";
    public static final String MARK_REFRESH_USED_AGAIN_BEFORE_V6 =
            "UPDATE refresh_tokens SET used = TRUE WHERE digest = :digest";
    public static final String COUNT_FAMILY_START_COLUMNS = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE UPPER(TABLE_NAME) = 'REFRESH_TOKENS' AND UPPER(COLUMN_NAME) = 'FAMILY_ISSUED_AT'";

    public static final String FIND_LIVE_ACCESS = "SELECT " + ACCESS_COLUMNS
            + " FROM access_tokens WHERE digest = :digest AND expires_at > :now";
    public static final String FIND_LIVE_REFRESH = "SELECT " + REFRESH_COLUMNS
            + " FROM refresh_tokens WHERE digest = :digest AND expires_at > :now";

    /**
     * The rotation's single atomic step (RFC 6749 §10.4): at most one caller changes the row, and its row count of
     * 1 makes it the winner. Concurrent callers wait for the row lock, re-check {@code used} and get 0.
     */
    public static final String MARK_REFRESH_USED = "UPDATE refresh_tokens SET used = TRUE, successor = :successor"
            + " WHERE digest = :digest AND used = FALSE AND expires_at > :now";

    /** The rotation redone from the token journal: the token was spent, whatever it looks like now. */
    public static final String MARK_REFRESH_USED_AGAIN = "UPDATE refresh_tokens SET used = TRUE, successor = :successor"
            + " WHERE digest = :digest";

    /** The successor kept with a live, used refresh token (the grace window). */
    public static final String FIND_SUCCESSOR = "SELECT successor FROM refresh_tokens"
            + " WHERE digest = :digest AND used = TRUE AND expires_at > :now AND successor IS NOT NULL";
    public static final String ACCESS_EXISTS = "SELECT COUNT(*) FROM access_tokens WHERE digest = :digest";
    public static final String REFRESH_EXISTS = "SELECT COUNT(*) FROM refresh_tokens WHERE digest = :digest";

    public static final String DELETE_ACCESS = "DELETE FROM access_tokens WHERE digest = :digest";
    public static final String DELETE_ACCESS_OF_FAMILY = "DELETE FROM access_tokens WHERE family_id = :familyId";
    public static final String DELETE_REFRESH_OF_FAMILY = "DELETE FROM refresh_tokens WHERE family_id = :familyId";

    /** Holder conditions: a holder without a user means the client's own tokens, {@code username IS NULL}. */
    public static final String HOLDER_WITH_USER = "client_id = :clientId AND username = :username";
    public static final String HOLDER_WITHOUT_USER = "client_id = :clientId AND username IS NULL";

    /** Owner conditions: a side that is not set matches anything. */
    public static final String SELECTED_USER = "username = :username";
    public static final String SELECTED_CLIENT = "client_id = :clientId";

    public static final String LATEST_ACCESS_OF_HOLDER = "SELECT " + ACCESS_COLUMNS
            + " FROM access_tokens WHERE %s AND expires_at > :now"
            + " ORDER BY issued_at DESC, token_id DESC FETCH FIRST 1 ROW ONLY";

    private TokenSql() {
    }

    /** {@code DELETE FROM <table> WHERE <condition>} for one of the two token tables and a constant condition. */
    public static String deleteWhere(TokenTable table, String condition) {
        return "DELETE FROM " + table.sqlName() + " WHERE " + condition;
    }

    /** The two token tables. */
    public enum TokenTable {
        ACCESS("access_tokens"),
        REFRESH("refresh_tokens");

        private final String sqlName;

        TokenTable(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }
    }
}
