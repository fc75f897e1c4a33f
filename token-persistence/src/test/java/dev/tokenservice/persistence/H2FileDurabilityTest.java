package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenValue;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps tokens on disk: they survive closing the database and restarting the process. */
class H2FileDurabilityTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void findWhenDatabaseClosedAndReopenedThenTokensAreStillThere() {
        TokenPair pair = Tokens.pair("web.app", "jane", NOW, Duration.ofHours(1));
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            database.migrate();
            new JdbiTokenStore(database.jdbi(), CLOCK).save(pair);
        }

        try (Database reopened = Database.open(DatabaseSettings.h2File(dataDir))) {
            reopened.migrate();
            JdbiTokenStore store = new JdbiTokenStore(reopened.jdbi(), CLOCK);

            assertThat(store.findAccessToken(pair.access().digest())).contains(pair.access());
            assertThat(store.findRefreshToken(pair.refresh().digest())).contains(pair.refresh());
        }
    }

    @Test
    void findWhenAnotherProcessSavedAndExitedThenTokenIsThere() throws Exception {
        String value = "written-by-another-process";

        Process writer = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Writer.class.getName(), dataDir.toString(), value))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("writer.log").toFile())
                .start();
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).as("writer process finished").isTrue();
        assertThat(writer.exitValue())
                .as(() -> "writer exit code; log:\n" + read(dataDir.resolve("writer.log").toFile()))
                .isZero();

        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            JdbiTokenStore store = new JdbiTokenStore(database.jdbi(), CLOCK);

            assertThat(store.findAccessToken(TokenDigest.of(TokenValue.of(value))))
                    .map(AccessToken::clientId).contains(ClientId.of("web.app"));
        }
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The other process: opens the file database, saves one token, closes the database as the server does. */
    static final class Writer {
        private Writer() {
        }

        public static void main(String[] args) {
            try (Database database = Database.open(DatabaseSettings.h2File(Path.of(args[0])))) {
                database.migrate();
                new JdbiTokenStore(database.jdbi(), CLOCK).save(TokenPair.accessOnly(Tokens.access("web.app",
                        "jane", NOW, Duration.ofHours(1), FamilyId.of("family"), TokenValue.of(args[1]))));
            }
        }
    }
}
