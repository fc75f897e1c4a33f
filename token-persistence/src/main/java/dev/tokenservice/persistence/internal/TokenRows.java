package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps token rows to the core's records and binds records to the named parameters of {@link TokenSql}. Not API.
 */
public final class TokenRows {
    /** Maps the columns of {@link TokenSql#ACCESS_COLUMNS}. */
    public static final RowMapper<AccessToken> ACCESS_TOKEN = TokenRows::accessToken;

    /** Maps the columns of {@link TokenSql#REFRESH_COLUMNS}. */
    public static final RowMapper<RefreshToken> REFRESH_TOKEN = TokenRows::refreshToken;

    /** Maps the columns of {@link TokenSql#SUMMARY_COLUMNS}: never a digest or a sealed value. */
    public static final RowMapper<TokenSummary> SUMMARY = TokenRows::summary;

    private TokenRows() {
    }

    /** Binds every column of an access-token row. */
    public static <S extends SqlStatement<S>> S bind(S statement, AccessToken token) {
        return statement
                .bind("digest", token.digest().value())
                .bind("tokenId", token.id().value())
                .bind("sealed", Optional.ofNullable(token.sealed()).map(SealedToken::value).orElse(null))
                .bind("clientId", token.clientId().value())
                .bind("username", Optional.ofNullable(token.username()).map(Username::value).orElse(null))
                .bind("scope", token.scope().toString())
                .bind("issuedAt", Millis.of(token.issuedAt()))
                .bind("expiresAt", Millis.of(token.expiresAt()))
                .bind("familyId", Optional.ofNullable(token.familyId()).map(FamilyId::value).orElse(null));
    }

    /** Binds every column of a refresh-token row. */
    public static <S extends SqlStatement<S>> S bind(S statement, RefreshToken token) {
        return statement
                .bind("digest", token.digest().value())
                .bind("tokenId", token.id().value())
                .bind("clientId", token.clientId().value())
                .bind("username", Optional.ofNullable(token.username()).map(Username::value).orElse(null))
                .bind("scope", token.scope().toString())
                .bind("issuedAt", Millis.of(token.issuedAt()))
                .bind("expiresAt", Millis.of(token.expiresAt()))
                .bind("familyId", token.familyId().value())
                .bind("used", token.used())
                .bind("familyIssuedAt", Millis.of(token.familyIssuedAt()));
    }

    private static AccessToken accessToken(ResultSet row, StatementContext context)
            throws SQLException {
        String sealed = row.getString("sealed");
        String family = row.getString("family_id");
        return new AccessToken(
                TokenId.of(row.getString("token_id")),
                TokenDigest.fromStorage(row.getString("digest")),
                sealed == null ? null : new SealedToken(sealed),
                ClientId.of(row.getString("client_id")),
                username(row),
                Scope.parse(row.getString("scope")),
                Millis.instant(row.getLong("issued_at")),
                Millis.instant(row.getLong("expires_at")),
                family == null ? null : FamilyId.of(family));
    }

    private static RefreshToken refreshToken(ResultSet row, StatementContext context)
            throws SQLException {
        return new RefreshToken(
                TokenId.of(row.getString("token_id")),
                TokenDigest.fromStorage(row.getString("digest")),
                ClientId.of(row.getString("client_id")),
                username(row),
                Scope.parse(row.getString("scope")),
                Millis.instant(row.getLong("issued_at")),
                Millis.instant(row.getLong("expires_at")),
                FamilyId.of(row.getString("family_id")),
                row.getBoolean("used"),
                Millis.instant(row.getLong("family_issued_at")));
    }

    private static TokenSummary summary(ResultSet row, StatementContext context)
            throws SQLException {
        return new TokenSummary(
                TokenId.of(row.getString("token_id")),
                ClientId.of(row.getString("client_id")),
                username(row),
                Scope.parse(row.getString("scope")),
                Millis.instant(row.getLong("issued_at")),
                Millis.instant(row.getLong("expires_at")));
    }

    private static Username username(ResultSet row) throws SQLException {
        String username = row.getString("username");
        return username == null ? null : Username.of(username);
    }
}
