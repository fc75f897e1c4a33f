package dev.tokenservice.persistence.internal;

import dev.tokenservice.core.port.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redo log of the token tables on an H2 file database. H2's commit reaches only memory; rather than flush H2's
 * pages for every write, each token write appends a short record of what it changed ({@link TokenWrite}) to a file
 * of its own, and returns once that file is forced to disk: one {@code force} serves every writer that appended
 * before it started (a {@link GroupCommit}). H2 writes its pages in the background; a checkpoint
 * ({@code CHECKPOINT SYNC}, every second) makes them durable, after which the records before it are deleted. After a
 * crash the records left are redone, in order, before anything else touches the tables.
 *
 * <p>The records go to numbered segment files beside the database ({@code tokens.journal.<n>}); a checkpoint ends
 * the current segment and deletes the ones it ended before, once the checkpoint succeeded. Each record is framed
 * with its length and a CRC-32C, so a record torn by a crash (never acknowledged: it was not forced) ends the replay
 * of its segment. Records are appended in the order of the commits they describe, under one lock, so redoing them in
 * file order gives the state the commits left. Thread-safe; {@link #close()} once, after the last write.
 */
public final class TokenJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenJournal.class);
    private static final String SEGMENT = ".journal.";
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 1 << 20;

    private final Path base;
    private final ReentrantLock lock = new ReentrantLock();
    /** Segments a previous process left, until {@link #redone()}. */
    private final List<Segment> recovered = new ArrayList<>();
    /** Segments ended before a checkpoint that has not succeeded yet, oldest first. */
    private final List<Segment> ended = new ArrayList<>();
    private final GroupCommit forces;
    private @Nullable Segment current;
    private long nextSequence;
    private boolean closed;

    private TokenJournal(Path base, List<Segment> recovered, long nextSequence) {
        this.base = base;
        this.recovered.addAll(recovered);
        this.nextSequence = nextSequence;
        this.forces = new GroupCommit(this::force, null);
    }

    /**
     * The journal of the database file {@code base} (e.g. {@code data/tokens} for {@code data/tokens.mv.db}). The
     * segments a previous process left are kept for {@link #recover()}, and deleted by the first checkpoint after
     * {@link #redone()}.
     */
    public static TokenJournal open(Path base) {
        List<Segment> found = new ArrayList<>();
        Path directory = base.toAbsolutePath().getParent();
        String prefix = base.getFileName() + SEGMENT;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.substring(prefix.length()).matches("[0-9]{1,18}")) {
                    found.add(new Segment(Long.parseLong(name.substring(prefix.length())), file, null));
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot read the token journal in " + directory, e);
        }
        found.sort(Comparator.comparingLong(Segment::sequence));
        long next = found.isEmpty() ? 1 : found.get(found.size() - 1).sequence() + 1;
        return new TokenJournal(base, found, next);
    }

    /**
     * What the segments left by a previous process hold, in order: the writes to redo before anything else touches
     * the tables. A torn or damaged record ends its segment's records (it was never acknowledged).
     */
    public List<TokenWrite> recover() {
        List<TokenWrite> writes = new ArrayList<>();
        lock.lock();
        try {
            for (Segment segment : recovered) {
                readInto(segment.path(), writes);
            }
        } finally {
            lock.unlock();
        }
        return writes;
    }

    private static void readInto(Path segment, List<TokenWrite> writes) {
        ByteBuffer data;
        try {
            data = ByteBuffer.wrap(Files.readAllBytes(segment));
        } catch (IOException e) {
            throw new StorageException("cannot read the token journal segment " + segment, e);
        }
        while (data.remaining() >= HEADER) {
            int length = data.getInt();
            int checksum = data.getInt();
            if (length <= 0 || length > MAX_RECORD || length > data.remaining()) {
                LOG.warn("token journal {}: a torn record at its end was never acknowledged; ignored", segment);
                return;
            }
            byte[] record = new byte[length];
            data.get(record);
            if (checksum != crc(record)) {
                LOG.warn("token journal {}: a damaged record at its end was never acknowledged; ignored", segment);
                return;
            }
            try {
                writes.add(TokenWriteCodec.decode(record));
            } catch (IOException | RuntimeException e) {
                throw new StorageException("the token journal segment " + segment + " holds an unreadable record", e);
            }
        }
    }

    /**
     * The writes of {@link #recover()} are redone: the next checkpoint deletes their segments. Returns whether there
     * were any.
     */
    public boolean redone() {
        lock.lock();
        try {
            boolean any = !recovered.isEmpty();
            ended.addAll(0, recovered);
            recovered.clear();
            return any;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code commit} (the transaction's commit) and appends {@code write}, as one step for every writer, so the
     * records are in the order of the commits. Call {@link #awaitDurable()} afterwards, without holding any
     * connection. Fails with {@link StorageException} when the record cannot be written: the change is then
     * committed but not yet durable (the next checkpoint makes it so).
     */
    public void commit(Runnable commit, TokenWrite write) {
        byte[] record = TokenWriteCodec.encode(write);
        ByteBuffer frame = ByteBuffer.allocate(HEADER + record.length).putInt(record.length).putInt(crc(record))
                .put(record).flip();
        lock.lock();
        try {
            if (closed) { // before the commit: a change that cannot be recorded is rolled back
                throw new StorageException("the token journal is closed");
            }
            commit.run();
            FileChannel channel = currentChannel();
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            // The segment may end in part of this record, which ends its replay: later records go to a new one.
            if (current != null) {
                ended.add(current);
                current = null;
            }
            throw new StorageException("cannot append to the token journal", e);
        } finally {
            lock.unlock();
        }
    }

    /** Returns once every record appended before this call is on disk (or in a checkpoint). */
    public void awaitDurable() {
        forces.awaitDurable();
    }

    private FileChannel currentChannel() throws IOException {
        if (current == null) {
            Path path = base.resolveSibling(base.getFileName() + SEGMENT + nextSequence);
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            current = new Segment(nextSequence++, path, channel);
            // The new file's name must survive a crash of the machine too, not only its bytes.
            try (FileChannel directory = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
            return channel;
        }
        return current.channel();
    }

    /** Forces every segment still open; one that a checkpoint closed meanwhile is durable in the database. */
    private void force() throws IOException {
        List<FileChannel> open = new ArrayList<>();
        lock.lock();
        try {
            ended.stream().map(Segment::channel).filter(channel -> channel != null).forEach(open::add);
            if (current != null) {
                open.add(current.channel());
            }
        } finally {
            lock.unlock();
        }
        for (FileChannel channel : open) {
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                // Ended and deleted after a checkpoint: its records are in the database file.
            }
        }
    }

    /**
     * Wraps {@code checkpoint} (which makes everything committed before it started durable in the database file) so
     * that it also ends the current segment first and, once it succeeded, deletes the segments ended before it.
     */
    public GroupCommit.Flush checkpointing(GroupCommit.Flush checkpoint) {
        return new GroupCommit.Flush() {
            @Override
            public void flush() throws Exception {
                int endedBefore = endCurrentSegment();
                checkpoint.flush();
                deleteEnded(endedBefore);
            }

            @Override
            public void close() {
                checkpoint.close();
            }
        };
    }

    /** Ends the current segment (its records were committed before now); returns how many segments are ended. */
    private int endCurrentSegment() {
        lock.lock();
        try {
            if (current != null) {
                ended.add(current);
                current = null;
            }
            return ended.size();
        } finally {
            lock.unlock();
        }
    }

    private void deleteEnded(int count) {
        List<Segment> done;
        lock.lock();
        try {
            done = new ArrayList<>(ended.subList(0, count));
            ended.subList(0, count).clear();
        } finally {
            lock.unlock();
        }
        for (Segment segment : done) {
            try {
                if (segment.channel() != null) {
                    segment.channel().close();
                }
                Files.deleteIfExists(segment.path());
            } catch (IOException e) {
                // Harmless: its records are in the database file, and redoing them is idempotent.
                LOG.warn("could not delete the token journal segment {}", segment.path(), e);
            }
        }
    }

    /** Closes the segments; the files stay until a checkpoint of the next process deletes them. */
    @Override
    public void close() {
        forces.close();
        lock.lock();
        try {
            closed = true;
            for (Segment segment : ended) {
                closeQuietly(segment.channel());
            }
            if (current != null) {
                closeQuietly(current.channel());
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("could not close a token journal segment", e);
        }
    }

    private static int crc(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record);
        return (int) crc.getValue();
    }

    private record Segment(long sequence, Path path, @Nullable FileChannel channel) { }
}
