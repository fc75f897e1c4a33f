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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps tokens on disk: they survive closing the database, restarting the process, and a crash
 * right after the save returned.
 */
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
            database.tokenStore(CLOCK).save(pair);
        }

        try (Database reopened = Database.open(DatabaseSettings.h2File(dataDir))) {
            reopened.migrate();
            JdbiTokenStore store = reopened.tokenStore(CLOCK);

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
            JdbiTokenStore store = database.tokenStore(CLOCK);

            assertThat(store.findAccessToken(TokenDigest.of(TokenValue.of(value))))
                    .map(AccessToken::clientId).contains(ClientId.of("web.app"));
        }
    }

    @Test
    void findWhenWriterProcessHaltedRightAfterItsSavesReturnedThenEverySavedTokenIsThere() throws Exception {
        Process writer = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                HaltingWriter.class.getName(), dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("writer.log").toFile())
                .start();
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).as("writer process finished").isTrue();
        List<String> saved = Files.readAllLines(dataDir.resolve("writer.log")).stream()
                .filter(line -> line.startsWith("saved ")).map(line -> line.substring("saved ".length())).toList();
        assertThat(saved).as(() -> "saved tokens; log:\n" + read(dataDir.resolve("writer.log").toFile()))
                .hasSize(HaltingWriter.THREADS * HaltingWriter.TOKENS_PER_THREAD);

        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            JdbiTokenStore store = database.tokenStore(CLOCK);

            assertThat(saved).allSatisfy(value ->
                    assertThat(store.findAccessToken(TokenDigest.of(TokenValue.of(value)))).isPresent());
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
                database.tokenStore(CLOCK).save(TokenPair.accessOnly(Tokens.access("web.app",
                        "jane", NOW, Duration.ofHours(1), FamilyId.of("family"), TokenValue.of(args[1]))));
            }
        }
    }

    /**
     * A writer that crashes: saves tokens from several threads, prints each value once its save returned, then
     * halts the JVM without closing the database, as a {@code kill -9} or a power cut would leave it.
     */
    static final class HaltingWriter {
        static final int THREADS = 4;
        static final int TOKENS_PER_THREAD = 25;

        private HaltingWriter() {
        }

        public static void main(String[] args) throws InterruptedException {
            Database database = Database.open(DatabaseSettings.h2File(Path.of(args[0])));
            database.migrate();
            JdbiTokenStore store = database.tokenStore(CLOCK);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < TOKENS_PER_THREAD; i++) {
                        String value = "halted-writer-" + thread + "-" + i;
                        store.save(TokenPair.accessOnly(Tokens.access("web.app", "jane", NOW, Duration.ofHours(1),
                                FamilyId.of(value), TokenValue.of(value))));
                        synchronized (System.out) {
                            System.out.println("saved " + value);
                            System.out.flush();
                        }
                    }
                });
                writer.start();
                threads.add(writer);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            Runtime.getRuntime().halt(0);
        }
    }
}
