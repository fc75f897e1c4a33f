package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.RetiredSecret;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SecretHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code clients} table: its columns, a row mapper, and the binding of a {@link Client}. Not API. */
public final class ClientRows {
    public static final String TABLE = "clients";
    public static final String KEY = "client_id";
    /** Every column; each is bound as a parameter of the same name. */
    public static final List<String> COLUMNS = List.of("client_id", "secret_hash", "grant_types", "allowed_scopes",
            "default_scopes", "authorities", "access_token_ttl_ms", "refresh_token_ttl_ms",
            // Client administration (V7).
            "live_token_limit", "retired_secret_hash", "retired_secret_expires_at",
            // Refresh families (V6).
            "refresh_family_ttl_ms", "refresh_grace_ms",
            // JWT access tokens (V8).
            "access_token_format");

    public static final String FIND = "SELECT " + String.join(", ", COLUMNS) + " FROM clients"
            + " WHERE client_id = :client_id";
    public static final String DELETE = "DELETE FROM clients WHERE client_id = :client_id";
    public static final String COUNT = "SELECT COUNT(*) FROM clients";
    public static final String INSERT = "INSERT INTO clients (" + String.join(", ", COLUMNS) + ") VALUES ("
            + String.join(", ", COLUMNS.stream().map(column -> ":" + column).toList()) + ")";
    public static final String UPDATE = "UPDATE clients SET " + String.join(", ", COLUMNS.stream()
            .filter(column -> !column.equals(KEY)).map(column -> column + " = :" + column).toList())
            + " WHERE client_id = :client_id";
    public static final String LIST_FIRST = "SELECT " + String.join(", ", COLUMNS) + " FROM clients"
            + " ORDER BY client_id LIMIT :limit";
    public static final String LIST_AFTER = "SELECT " + String.join(", ", COLUMNS) + " FROM clients"
            + " WHERE client_id > :after ORDER BY client_id LIMIT :limit";

    public static final RowMapper<Client> MAPPER = ClientRows::client;

    private ClientRows() {
    }

    /** Binds every column of {@code client}. */
    public static <S extends SqlStatement<S>> S bind(S statement, Client client) {
        RetiredSecret retired = client.retiredSecret();
        return statement
                .bind("client_id", client.clientId().value())
                .bind("secret_hash", client.secretHash() == null ? null : client.secretHash().value())
                .bind("grant_types", Words.join(client.grantTypes().stream().map(GrantType::value).toList()))
                .bind("allowed_scopes", client.allowedScopes().toString())
                .bind("default_scopes", client.defaultScopes().toString())
                .bind("authorities", Words.join(client.authorities().stream().map(Authority::value).toList()))
                .bind("access_token_ttl_ms", Millis.of(client.accessTokenLifetime()))
                .bind("refresh_token_ttl_ms", Millis.of(client.refreshTokenLifetime()))
                .bind("live_token_limit", client.liveTokenLimit() == null ? null : client.liveTokenLimit().name())
                .bind("retired_secret_hash", retired == null ? null : retired.hash().value())
                .bind("retired_secret_expires_at", retired == null ? null : Millis.of(retired.expiresAt()))
                .bind("refresh_family_ttl_ms", Millis.of(client.refreshFamilyLifetime()))
                .bind("refresh_grace_ms", Millis.of(client.refreshGraceWindow()))
                .bind("access_token_format",
                        client.accessTokenFormat() == null ? null : client.accessTokenFormat().wireName());
    }

    private static Client client(ResultSet row, StatementContext context) throws SQLException {
        String secretHash = row.getString("secret_hash");
        String liveTokenLimit = row.getString("live_token_limit");
        String retiredHash = row.getString("retired_secret_hash");
        String format = row.getString("access_token_format");
        return new Client(
                ClientId.of(row.getString("client_id")),
                secretHash == null ? null : SecretHash.of(secretHash),
                Words.split(row.getString("grant_types"), GrantType::of),
                Scope.parse(row.getString("allowed_scopes")),
                Scope.parse(row.getString("default_scopes")),
                Words.split(row.getString("authorities"), Authority::of),
                Millis.duration(nullableLong(row, "access_token_ttl_ms")),
                Millis.duration(nullableLong(row, "refresh_token_ttl_ms")),
                liveTokenLimit == null ? null : LiveTokenLimit.valueOf(liveTokenLimit),
                retiredHash == null ? null : new RetiredSecret(SecretHash.of(retiredHash),
                        Millis.instant(row.getLong("retired_secret_expires_at"))),
                Millis.duration(nullableLong(row, "refresh_family_ttl_ms")),
                Millis.duration(nullableLong(row, "refresh_grace_ms")),
                format == null ? null : AccessTokenFormat.of(format));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
