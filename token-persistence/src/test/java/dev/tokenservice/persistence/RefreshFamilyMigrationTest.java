package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.persistence.internal.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V6 on a database that already holds refresh tokens: each family starts at its oldest stored member. */
class RefreshFamilyMigrationTest {
    private static final Instant FIRST = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2030-01-05T00:00:00Z");
    private static final Instant OTHER = Instant.parse("2030-01-03T00:00:00Z");

    @Test
    void migrateWhenRefreshTokensExistedBeforeV6ThenEveryMemberCarriesItsFamilysOldestIssueTime() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.h2Memory("families-" + UUID.randomUUID());
        try (Database database = Database.open(settings)) {
            Flyway.configure().dataSource(database.dataSource())
                    .locations(Dialect.H2.migrationLocations().toArray(String[]::new))
                    .target("4").load().migrate();
            try (Connection connection = database.dataSource().getConnection()) {
                insert(connection, "used", FIRST, "family-1", true);
                insert(connection, "newest", SECOND, "family-1", false);
                insert(connection, "alone", OTHER, "family-2", false);
            }

            database.migrate();

            var store = database.tokenStore(Clock.fixed(SECOND.plusSeconds(60), ZoneOffset.UTC));
            assertThat(store.findRefreshToken(digest("used")).map(RefreshToken::familyIssuedAt)).contains(FIRST);
            assertThat(store.findRefreshToken(digest("newest")).map(RefreshToken::familyIssuedAt)).contains(FIRST);
            assertThat(store.findRefreshToken(digest("alone")).map(RefreshToken::familyIssuedAt)).contains(OTHER);
        }
    }

    private static TokenDigest digest(String name) {
        return TokenDigest.of(TokenValue.of("value-" + name));
    }

    /** A refresh-token row as V2 defined the table. */
    private static void insert(Connection connection, String name, Instant issuedAt, String family, boolean used)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO refresh_tokens (digest, token_id,"
                + " client_id, username, scope, issued_at, expires_at, family_id, used) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, digest(name).value());
            insert.setString(2, "id-" + name);
            insert.setString(3, "web");
            insert.setString(4, "jane");
            insert.setString(5, "read");
            insert.setLong(6, issuedAt.toEpochMilli());
            insert.setLong(7, issuedAt.plusSeconds(30L * 24 * 3600).toEpochMilli());
            insert.setString(8, family);
            insert.setBoolean(9, used);
            insert.executeUpdate();
        }
    }
}
