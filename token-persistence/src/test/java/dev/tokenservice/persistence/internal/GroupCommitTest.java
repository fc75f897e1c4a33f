package dev.tokenservice.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.port.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    /** A sync period no test outlives: only the writers start flushes. */
    private static final Duration NO_PERIODIC_FLUSH = Duration.ofDays(1);

    @TempDir
    Path dataDir;

    private final ExecutorService writers = Executors.newCachedThreadPool();
    /** What the flushes and the writers did, in the order they did it. */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** The same events, for the test to wait on. */
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    private static GroupCommit checkpointing(H2Checkpoint.ConnectionSource connections) {
        return new GroupCommit(new H2Checkpoint(connections), H2Checkpoint.SYNC_PERIOD);
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    @Test
    void constructWhenDatabaseCannotBeReachedThenFailsAtOnce() {
        assertThatThrownBy(() -> checkpointing(() -> {
            throw new SQLException("refused");
        })).isInstanceOf(StorageException.class).hasMessageContaining("disk");
    }

    @Test
    void awaitDurableWhenItsConnectionBrokeThenThatFlushFailsAndTheNextOneOpensANewConnection() throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try (GroupCommit commit = checkpointing(() -> {
            Connection connection = open();
            opened.add(connection);
            return connection;
        })) {
            opened.get(0).close();

            assertThatThrownBy(commit::awaitDurable).isInstanceOf(StorageException.class);
            commit.awaitDurable();

            assertThat(opened).hasSize(2);
        }
    }

    @Test
    @SuppressWarnings("try") // the commit is only held open: its periodic flushes are what the test watches
    void constructWhenNoWriterEverComesThenFlushesStillRunEveryPeriod() throws Exception {
        Semaphore flushes = new Semaphore(0);
        try (GroupCommit commit = new GroupCommit(flushes::release, Duration.ofMillis(20))) {
            flushes.acquire(); // the check the constructor runs

            // Bounded waits for two flushes that no caller asked for; each comes within 20 ms when all is well.
            assertThat(flushes.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void awaitDurableWhenClosedThenFailsRatherThanReturnUnflushed() {
        GroupCommit commit = checkpointing(this::open);
        commit.close();

        assertThatThrownBy(commit::awaitDurable).isInstanceOf(StorageException.class);
    }

    @Test
    @Timeout(60) // only against a hang: no step waits for time
    void awaitDurableWhenAFlushIsAlreadyRunningThenWaitsForTheNextFlushNotThatOne() throws Exception {
        GatedFlush flush = new GatedFlush(this::record, 2, 3);
        GroupCommit commit = new GroupCommit(flush, NO_PERIODIC_FLUSH);
        try {
            writer("first", commit::awaitDurable); // runs flush 2, held
            next(event -> event.equals("flush 2 started"));
            CountDownLatch joined = new CountDownLatch(1);
            writer("second", () -> {
                GroupCommit.Round round = commit.join(); // its commit came while flush 2 runs
                joined.countDown();
                commit.await(round);
            });
            joined.await();

            flush.release(2);

            // Flush 2 may have started before the second writer's commit: it must not count for it.
            assertThat(next(event -> event.equals("flush 3 started") || event.equals("second returned")))
                    .as(() -> "what happened: " + log)
                    .isEqualTo("flush 3 started");
            flush.release(3);
            next(event -> event.equals("second returned"));
        } finally {
            flush.releaseAll();
            commit.close();
        }
    }

    @Test
    @Timeout(60) // only against a hang: no step waits for time
    void awaitDurableWhenWritersJoinedBeforeAFlushStartedThenThatOneFlushServesThemAll() throws Exception {
        GatedFlush flush = new GatedFlush(this::record, 2, 3);
        GroupCommit commit = new GroupCommit(flush, NO_PERIODIC_FLUSH);
        try {
            writer("leader", commit::awaitDurable); // runs flush 2, held
            next(event -> event.equals("flush 2 started"));
            CountDownLatch joined = new CountDownLatch(3);
            for (String name : List.of("b", "c", "d")) {
                writer(name, () -> {
                    GroupCommit.Round round = commit.join();
                    joined.countDown();
                    commit.await(round);
                });
            }
            joined.await();

            flush.release(2);

            // None of them may return on flush 2, which may have started before their commits: flush 3 serves them.
            assertThat(next(event -> event.equals("flush 3 started") || (event.endsWith(" returned")
                    && !event.equals("leader returned"))))
                    .as(() -> "what happened: " + log)
                    .isEqualTo("flush 3 started");
            flush.release(3);

            List<String> returned = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                returned.add(next(Set.of("b returned", "c returned", "d returned")::contains));
            }
            assertThat(returned).containsExactlyInAnyOrder("b returned", "c returned", "d returned");
            assertThat(flush.runs()).as("flushes, the constructor's check included").isEqualTo(3);
        } finally {
            flush.releaseAll();
            commit.close();
        }
    }

    /** Runs {@code write} on a thread of its own; records "{@code name} returned" once it returns. */
    private void writer(String name, Runnable write) {
        writers.execute(() -> {
            write.run();
            record(name + " returned");
        });
    }

    private void record(String event) {
        log.add(event);
        events.add(event);
    }

    /** Waits for the next event that matches, skipping the others, and returns it. */
    private String next(Predicate<String> wanted) throws InterruptedException {
        while (true) {
            String event = events.take();
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /**
     * A flush that records "flush n started" and "flush n done", numbering the runs from 1 (the constructor's check),
     * and holds the runs named when it was made until the test releases them.
     */
    private static final class GatedFlush implements GroupCommit.Flush {
        private final Consumer<String> events;
        private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
        private final AtomicInteger runs = new AtomicInteger();

        GatedFlush(Consumer<String> events, int... held) {
            this.events = events;
            for (int run : held) {
                gates.put(run, new CountDownLatch(1));
            }
        }

        @Override
        public void flush() {
            int run = runs.incrementAndGet();
            events.accept("flush " + run + " started");
            CountDownLatch gate = gates.get(run);
            if (gate != null) {
                awaitUninterruptibly(gate);
            }
            events.accept("flush " + run + " done");
        }

        void release(int run) {
            gates.get(run).countDown();
        }

        void releaseAll() {
            gates.values().forEach(CountDownLatch::countDown);
        }

        int runs() {
            return runs.get();
        }

        private static void awaitUninterruptibly(CountDownLatch gate) {
            boolean interrupted = false;
            while (true) {
                try {
                    gate.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
