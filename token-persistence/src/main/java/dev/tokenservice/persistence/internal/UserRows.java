package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code users} table: its columns, a row mapper, and the binding of a {@link UserAccount}. Not API. */
public final class UserRows {
    public static final String TABLE = "users";
    public static final String KEY = "username";
    /** Every column; each is bound as a parameter of the same name. */
    public static final List<String> COLUMNS = List.of("username", "password_hash", "authorities");

    public static final String FIND = "SELECT username, password_hash, authorities FROM users"
            + " WHERE username = :username";
    public static final String DELETE = "DELETE FROM users WHERE username = :username";

    public static final RowMapper<UserAccount> MAPPER = UserRows::account;

    private UserRows() {
    }

    /** Binds every column of {@code account}. */
    public static <S extends SqlStatement<S>> S bind(S statement, UserAccount account) {
        return statement
                .bind("username", account.username().value())
                .bind("password_hash", account.passwordHash().value())
                .bind("authorities", Words.join(account.authorities().stream().map(Authority::value).toList()));
    }

    private static UserAccount account(ResultSet row, StatementContext context) throws SQLException {
        return new UserAccount(
                Username.of(row.getString("username")),
                SecretHash.of(row.getString("password_hash")),
                Words.split(row.getString("authorities"), Authority::of));
    }
}
