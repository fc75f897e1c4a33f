package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.persistence.internal.TokenJournal;
import dev.tokenservice.persistence.internal.TokenWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file database redoes the token journal a crashed process left: the writes it recorded but may not have
 * written to the file. The records are written here directly, as a process would have before it died.
 */
class TokenJournalRedoTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private void migrated() {
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            database.migrate();
        }
    }

    /** Records {@code writes} as a process would have, without touching the database. */
    private void journal(TokenWrite... writes) {
        try (TokenJournal journal = TokenJournal.open(dataDir.resolve("tokens"))) {
            for (TokenWrite write : writes) {
                journal.commit(() -> { }, write);
            }
            journal.awaitDurable();
        }
    }

    private List<Path> journalFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(file -> file.getFileName().toString().contains(".journal.")).toList();
        }
    }

    @Test
    void openWhenTheJournalHoldsWritesThenRedoesThemInOrderAndDeletesTheJournal() throws IOException {
        migrated();
        TokenPair kept = Tokens.pair("web.app", "jane", NOW, HOUR);
        TokenPair revoked = Tokens.pair("web.app", "john", NOW, HOUR);
        TokenPair replacement = Tokens.replacementOf(kept.refresh(), NOW, HOUR);
        journal(new TokenWrite.Save(kept), new TokenWrite.Save(revoked),
                new TokenWrite.RevokeFamily(revoked.access().familyId()),
                new TokenWrite.Rotate(kept.refresh().digest(), replacement, null));

        try (Database reopened = Database.open(DatabaseSettings.h2File(dataDir))) {
            JdbiTokenStore store = reopened.tokenStore(CLOCK);

            assertThat(store.findAccessToken(kept.access().digest())).contains(kept.access());
            assertThat(store.findRefreshToken(kept.refresh().digest())).contains(kept.refresh().asUsed());
            assertThat(store.findRefreshToken(replacement.refresh().digest())).contains(replacement.refresh());
            assertThat(store.findAccessToken(revoked.access().digest())).isEmpty();
            assertThat(store.findRefreshToken(revoked.refresh().digest())).isEmpty();
            assertThat(journalFiles()).isEmpty();
        }
    }

    @Test
    void openWhenTheDatabaseAlreadyHoldsTheJournaledWritesThenRedoingThemChangesNothing() {
        migrated();
        TokenPair pair = Tokens.pair("web.app", "jane", NOW, HOUR);
        TokenPair replacement = Tokens.replacementOf(pair.refresh(), NOW, HOUR);
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            JdbiTokenStore store = database.tokenStore(CLOCK);
            store.save(pair);
            store.rotate(pair.refresh().digest(), replacement);
        }
        journal(new TokenWrite.Save(pair), new TokenWrite.Rotate(pair.refresh().digest(), replacement, null));

        try (Database reopened = Database.open(DatabaseSettings.h2File(dataDir))) {
            JdbiTokenStore store = reopened.tokenStore(CLOCK);

            assertThat(store.findRefreshToken(pair.refresh().digest())).contains(pair.refresh().asUsed());
            assertThat(store.findAccessToken(replacement.access().digest())).contains(replacement.access());
            assertThat(store.findRefreshToken(replacement.refresh().digest())).contains(replacement.refresh());
        }
    }

    @Test
    void closeWhenTokensWereWrittenThenTheLastCheckpointLeavesNoJournal() throws IOException {
        migrated();
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            database.tokenStore(CLOCK).save(Tokens.pair("web.app", "jane", NOW, HOUR));
        }

        assertThat(journalFiles()).isEmpty();
    }
}
