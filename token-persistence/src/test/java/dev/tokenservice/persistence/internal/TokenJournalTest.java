package dev.tokenservice.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedSuccessor;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token journal's records, segments and checkpoints, on files in a temporary folder. */
class TokenJournalTest {
    private static final TokenWrite FIRST = new TokenWrite.RevokeAccess(TokenDigest.of(new TokenValue("first")));
    private static final TokenWrite SECOND = new TokenWrite.RevokeFamily(FamilyId.of("family-2"));
    private static final TokenWrite THIRD = new TokenWrite.RevokeSelected(HolderSelector.client(ClientId.of("web")));
    /** A checkpoint of the database that has nothing to do. */
    private static final GroupCommit.Flush CHECKPOINT_OK = () -> { };

    @TempDir
    Path folder;

    private Path base() {
        return folder.resolve("tokens");
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("tokens.journal.")).sorted().toList();
        }
    }

    private static void write(TokenJournal journal, TokenWrite... writes) {
        for (TokenWrite write : writes) {
            journal.commit(() -> { }, write);
        }
        journal.awaitDurable();
    }

    @Test
    void recoverWhenAProcessLeftRecordsThenReturnsThemInCommitOrder() {
        try (TokenJournal journal = TokenJournal.open(base())) {
            write(journal, FIRST, SECOND, THIRD);
        }

        try (TokenJournal reopened = TokenJournal.open(base())) {
            assertThat(reopened.recover()).containsExactly(FIRST, SECOND, THIRD);
        }
    }

    @Test
    void recoverWhenTheLastRecordIsTornThenReturnsTheRecordsBeforeIt() throws IOException {
        try (TokenJournal journal = TokenJournal.open(base())) {
            write(journal, FIRST, SECOND);
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, Arrays.copyOf(bytes, bytes.length - 3));

        try (TokenJournal reopened = TokenJournal.open(base())) {
            assertThat(reopened.recover()).containsExactly(FIRST);
        }
    }

    @Test
    void recoverWhenARecordIsDamagedThenStopsBeforeIt() throws IOException {
        try (TokenJournal journal = TokenJournal.open(base())) {
            write(journal, FIRST, SECOND);
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(segment, bytes);

        try (TokenJournal reopened = TokenJournal.open(base())) {
            assertThat(reopened.recover()).containsExactly(FIRST);
        }
    }

    @Test
    void commitWhenTheCommitFailsThenNothingIsRecorded() {
        try (TokenJournal journal = TokenJournal.open(base())) {
            assertThatThrownBy(() -> journal.commit(() -> {
                throw new IllegalStateException("rolled back");
            }, FIRST)).isInstanceOf(IllegalStateException.class);
            write(journal, SECOND);
        }

        try (TokenJournal reopened = TokenJournal.open(base())) {
            assertThat(reopened.recover()).containsExactly(SECOND);
        }
    }

    @Test
    void commitWhenTheJournalIsClosedThenRefusesBeforeCommitting() {
        TokenJournal journal = TokenJournal.open(base());
        journal.close();
        boolean[] committed = {false};

        assertThatThrownBy(() -> journal.commit(() -> committed[0] = true, FIRST))
                .isInstanceOf(StorageException.class);
        assertThat(committed[0]).isFalse();
    }

    @Test
    void checkpointWhenItSucceedsThenDeletesTheSegmentItEndedAndLaterRecordsGoToANewOne() throws Exception {
        try (TokenJournal journal = TokenJournal.open(base())) {
            write(journal, FIRST);
            Path ended = segments().get(0);

            journal.checkpointing(CHECKPOINT_OK).flush();
            write(journal, SECOND);

            assertThat(segments()).hasSize(1).doesNotContain(ended);
        }
        try (TokenJournal reopened = TokenJournal.open(base())) {
            assertThat(reopened.recover()).containsExactly(SECOND);
        }
    }

    @Test
    void checkpointWhenItFailsThenKeepsTheSegmentsUntilOneSucceeds() throws Exception {
        try (TokenJournal journal = TokenJournal.open(base())) {
            write(journal, FIRST);
            GroupCommit.Flush failing = () -> {
                throw new IOException("disk full");
            };

            assertThatThrownBy(() -> journal.checkpointing(failing).flush()).isInstanceOf(IOException.class);
            write(journal, SECOND);
            assertThat(segments()).hasSize(2);

            journal.checkpointing(CHECKPOINT_OK).flush();
            assertThat(segments()).isEmpty();
        }
    }

    @Test
    void checkpointWhenRecoveredRecordsAreNotRedoneYetThenKeepsThem() throws Exception {
        try (TokenJournal journal = TokenJournal.open(base())) {
            write(journal, FIRST);
        }
        try (TokenJournal reopened = TokenJournal.open(base())) {
            reopened.checkpointing(CHECKPOINT_OK).flush();
            assertThat(segments()).hasSize(1);

            boolean any = reopened.redone();
            reopened.checkpointing(CHECKPOINT_OK).flush();

            assertThat(any).isTrue();
            assertThat(segments()).isEmpty();
        }
    }

    @Test
    void codecWhenEveryKindIsWrittenThenReadsItBack() throws IOException {
        List<TokenWrite> writes = List.of(FIRST, SECOND, THIRD,
                new TokenWrite.RevokeSelected(HolderSelector.user(Username.of("jane"))),
                new TokenWrite.RevokeHeldBy(TokenHolder.of(ClientId.of("web"), null)),
                new TokenWrite.RevokeHeldBy(TokenHolder.of(ClientId.of("web"), Username.of("jane"))));

        for (TokenWrite write : writes) {
            assertThat(TokenWriteCodec.decode(TokenWriteCodec.encode(write))).isEqualTo(write);
        }
    }

    @Test
    void codecWhenPairsCarryFamilyStartAndSuccessorThenReadsThemBack() throws IOException {
        TokenPair pair = pair(Instant.parse("2030-01-02T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        List<TokenWrite> writes = List.of(new TokenWrite.Save(pair),
                new TokenWrite.Rotate(TokenDigest.of(new TokenValue("old")), pair, new SealedSuccessor("v2.sealed")),
                new TokenWrite.Rotate(TokenDigest.of(new TokenValue("old")), pair, null),
                new TokenWrite.Replace(TokenHolder.of(ClientId.of("web"), Username.of("jane")), pair));

        for (TokenWrite write : writes) {
            assertThat(TokenWriteCodec.decode(TokenWriteCodec.encode(write))).isEqualTo(write);
        }
    }

    @Test
    void decodeWhenSaveIsOfTheFirstFormatThenItsRefreshTokenStartsItsFamily() throws IOException {
        Instant issuedAt = Instant.parse("2030-01-02T00:00:00Z");
        byte[] current = TokenWriteCodec.encode(new TokenWrite.Save(pair(issuedAt, issuedAt)));
        // The first format: kind 1, and the pair without the family start (the last 8 bytes).
        byte[] first = Arrays.copyOf(current, current.length - Long.BYTES);
        first[0] = 1;

        TokenWrite decoded = TokenWriteCodec.decode(first);

        assertThat(decoded).isEqualTo(new TokenWrite.Save(pair(issuedAt, issuedAt)));
    }

    private static TokenPair pair(Instant issuedAt, Instant familyIssuedAt) {
        FamilyId family = FamilyId.of("family-1");
        AccessToken access = new AccessToken(TokenId.of("a1"), TokenDigest.of(new TokenValue("access")), null,
                ClientId.of("web"), Username.of("jane"), Scope.parse("read"), issuedAt, issuedAt.plusSeconds(60), family);
        RefreshToken refresh = new RefreshToken(TokenId.of("r1"), TokenDigest.of(new TokenValue("refresh")),
                ClientId.of("web"), Username.of("jane"), Scope.parse("read"), issuedAt, issuedAt.plusSeconds(600),
                family, false, familyIssuedAt);
        return new TokenPair(access, refresh);
    }
}
