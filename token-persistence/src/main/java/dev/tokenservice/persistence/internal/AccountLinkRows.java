package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code account_links} table: its statements, a row mapper, and the binding of an {@link AccountLink}. Not API. */
public final class AccountLinkRows {
    private static final String COLUMNS = "provider, subject, username, linked_at";

    public static final String INSERT = "INSERT INTO account_links (" + COLUMNS + ")"
            + " VALUES (:provider, :subject, :username, :linked_at)";
    public static final String FIND = "SELECT " + COLUMNS + " FROM account_links"
            + " WHERE provider = :provider AND subject = :subject";
    public static final String FIND_BY_USERNAME = "SELECT " + COLUMNS + " FROM account_links"
            + " WHERE username = :username ORDER BY provider, subject";
    public static final String DELETE = "DELETE FROM account_links WHERE provider = :provider AND subject = :subject";
    public static final String DELETE_BY_USERNAME = "DELETE FROM account_links WHERE username = :username";

    public static final RowMapper<AccountLink> MAPPER = AccountLinkRows::link;

    private AccountLinkRows() {
    }

    /** Binds the key columns of {@code thirdPartySubject}. */
    public static <S extends SqlStatement<S>> S bindKey(S statement, ThirdPartySubject thirdPartySubject) {
        return statement.bind("provider", thirdPartySubject.provider()).bind("subject", thirdPartySubject.subject());
    }

    /** Binds every column of {@code link}. */
    public static <S extends SqlStatement<S>> S bind(S statement, AccountLink link) {
        return bindKey(statement, link.thirdPartySubject())
                .bind("username", link.username().value())
                .bind("linked_at", Millis.of(link.linkedAt()));
    }

    private static AccountLink link(ResultSet row, StatementContext context) throws SQLException {
        return new AccountLink(
                ThirdPartySubject.of(row.getString("provider"), row.getString("subject")),
                Username.of(row.getString("username")),
                Millis.instant(row.getLong("linked_at")));
    }
}
