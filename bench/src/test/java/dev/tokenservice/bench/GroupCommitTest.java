package dev.tokenservice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-off of {@link GroupCommit}, step by step: forces are held on latches until the test releases them, and
 * the test waits on the events the writers and forces record. No step waits for time; the timeouts only end a hang.
 */
class GroupCommitTest {
    private final ExecutorService writers = Executors.newCachedThreadPool();
    /** What the forces and the writers did, in the order they did it. */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    /** The same events, for the test to wait on. */
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    @Timeout(60)
    void awaitDurableWhenNoForceIsRunningThenRunsOneItselfAndReturnsAfterIt() throws Exception {
        GatedForce force = new GatedForce(this::record, Set.of());
        GroupCommit commit = new GroupCommit(force);

        commit.awaitDurable();

        assertThat(log).containsExactly("force 1 started", "force 1 done");
    }

    @Test
    @Timeout(60)
    void awaitDurableWhenAForceIsAlreadyRunningThenWaitsForTheNextForceNotThatOne() throws Exception {
        GatedForce force = new GatedForce(this::record, Set.of(1, 2));
        GroupCommit commit = new GroupCommit(force);
        try {
            writer("first", commit::awaitDurable); // runs force 1, held
            next("force 1 started"::equals);
            CountDownLatch joined = new CountDownLatch(1);
            writer("second", () -> {
                GroupCommit.Round round = commit.join(); // appended while force 1 runs
                joined.countDown();
                commit.await(round);
            });
            joined.await();

            force.release(1);

            // Force 1 may have started before the second writer's append: it must not count for it.
            assertThat(next(event -> event.equals("force 2 started") || event.equals("second returned")))
                    .as(() -> "what happened: " + log)
                    .isEqualTo("force 2 started");
            force.release(2);
            next("second returned"::equals);
            assertThat(log).as("force 2 finishes before the writer it serves returns")
                    .containsSubsequence("force 2 done", "second returned");
            assertThat(log).doesNotContain(GatedForce.OVERLAP);
        } finally {
            force.releaseAll();
        }
    }

    @Test
    @Timeout(60)
    void awaitDurableWhenWritersAppendedBeforeAForceStartedThenThatOneForceServesThemAll() throws Exception {
        GatedForce force = new GatedForce(this::record, Set.of(1, 2));
        GroupCommit commit = new GroupCommit(force);
        try {
            writer("leader", commit::awaitDurable); // runs force 1, held
            next("force 1 started"::equals);
            CountDownLatch joined = new CountDownLatch(3);
            for (String name : List.of("b", "c", "d")) {
                writer(name, () -> {
                    GroupCommit.Round round = commit.join();
                    joined.countDown();
                    commit.await(round);
                });
            }
            joined.await();

            force.release(1);

            // None returns on force 1; one of them starts force 2, which serves all three.
            assertThat(next(event -> event.equals("force 2 started")
                    || (event.endsWith(" returned") && !event.equals("leader returned"))))
                    .as(() -> "what happened: " + log)
                    .isEqualTo("force 2 started");
            force.release(2);
            List<String> returned = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                returned.add(next(Set.of("b returned", "c returned", "d returned")::contains));
            }

            assertThat(returned).containsExactlyInAnyOrder("b returned", "c returned", "d returned");
            assertThat(force.runs()).as("forces").isEqualTo(2);
            assertThat(log).as("one thread at a time forces").doesNotContain(GatedForce.OVERLAP);
        } finally {
            force.releaseAll();
        }
    }

    @Test
    @Timeout(60)
    void awaitDurableWhenItsForceFailsThenEveryWriterItServedFailsAndTheNextWriterForcesAgain() throws Exception {
        GatedForce force = new GatedForce(this::record, Set.of(1, 2)).failing(2);
        GroupCommit commit = new GroupCommit(force);
        try {
            writer("leader", commit::awaitDurable); // runs force 1, held
            next("force 1 started"::equals);
            CountDownLatch joined = new CountDownLatch(2);
            for (String name : List.of("b", "c")) {
                writer(name, () -> {
                    GroupCommit.Round round = commit.join();
                    joined.countDown();
                    commit.await(round);
                });
            }
            joined.await();
            force.release(1);
            next("force 2 started"::equals);

            force.release(2);

            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(next(event -> event.startsWith("b ") || event.startsWith("c ")));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("b failed", "c failed");
            writer("after", commit::awaitDurable);
            assertThat(next(event -> event.startsWith("after "))).isEqualTo("after returned");
            assertThat(log).containsSubsequence("force 2 failed", "force 3 started", "force 3 done", "after returned");
        } finally {
            force.releaseAll();
        }
    }

    /** Something a writer does that may fail like {@link GroupCommit#await}. */
    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write} on a thread of its own; records "{@code name} returned", or "failed" when it threw. */
    private void writer(String name, Write write) {
        writers.execute(() -> {
            try {
                write.run();
                record(name + " returned");
            } catch (IOException e) {
                record(name + " failed");
            }
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
     * A force that records "force n started" and "force n done" (or "failed"), numbering the runs from 1, and holds
     * the runs named when it was made until the test releases them. Records {@link #OVERLAP} when two run at once.
     */
    private static final class GatedForce implements GroupCommit.Force {
        static final String OVERLAP = "two forces at once";

        private final Consumer<String> events;
        private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
        private final AtomicInteger runs = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final Set<Integer> failing = ConcurrentHashMap.newKeySet();

        GatedForce(Consumer<String> events, Set<Integer> held) {
            this.events = events;
            for (int run : held) {
                gates.put(run, new CountDownLatch(1));
            }
        }

        GatedForce failing(int run) {
            failing.add(run);
            return this;
        }

        @Override
        public void force() throws IOException {
            if (running.incrementAndGet() > 1) {
                events.accept(OVERLAP);
            }
            try {
                int run = runs.incrementAndGet();
                events.accept("force " + run + " started");
                CountDownLatch gate = gates.get(run);
                if (gate != null) {
                    awaitUninterruptibly(gate);
                }
                if (failing.contains(run)) {
                    events.accept("force " + run + " failed");
                    throw new IOException("disk full");
                }
                events.accept("force " + run + " done");
            } finally {
                running.decrementAndGet();
            }
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
