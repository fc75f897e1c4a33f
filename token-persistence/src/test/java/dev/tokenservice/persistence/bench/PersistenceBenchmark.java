package dev.tokenservice.persistence.bench;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenPage;
import dev.tokenservice.core.model.TokenPair;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import dev.tokenservice.persistence.JdbiTokenQuery;
import dev.tokenservice.persistence.JdbiTokenStore;
import dev.tokenservice.persistence.internal.TokenRows;
import dev.tokenservice.persistence.internal.TokenSql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Scale figures for the database adapters: loads a token table of {@code bench.tokens} access tokens (default
 * 1,000,000, of which {@code bench.expired} = 100,000 expired), then measures the latency of lookup by digest, of
 * the administration list (first page, deep page, filtered, ordered) and of expired-token cleanup in batches. Not a
 * test: run it with {@code mvn -B -Pbench -pl token-persistence -am verify -DskipTests} (see
 * docs/PERSISTENCE-BENCHMARKS.md). Uses an H2 file database under {@code target/bench} unless
 * {@code bench.url}/{@code bench.user}/{@code bench.password} name another database (whose tables it empties).
 */
public final class PersistenceBenchmark {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int CLIENTS = 1_000;
    private static final int USERS = 100_000;
    private static final int LOAD_BATCH = 1_000;
    private static final int LOADERS = 2;
    private static final int CLEANUP_BATCH = 1_000;

    private final int tokens = Integer.getInteger("bench.tokens", 1_000_000);
    private final int expired = Integer.getInteger("bench.expired", 100_000);
    private final SplittableRandom random = new SplittableRandom(42);
    private final List<String> report = new ArrayList<>();
    /** Tokens issued while measuring; numbered apart from the loaded and the unknown ones. */
    private int issued = 2 * tokens + 1_000_000;

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        new PersistenceBenchmark().run();
    }

    private void run() throws IOException {
        DatabaseSettings settings = settings();
        line("database: " + settings);
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + System.getProperty("java.version"));
        try (Database database = Database.open(settings)) {
            database.migrate();
            Jdbi jdbi = database.jdbi();
            load(jdbi);
            JdbiTokenStore store = database.tokenStore(CLOCK);
            JdbiTokenQuery query = database.tokenQuery(CLOCK);
            Runnable issue = () -> store.save(TokenPair.accessOnly(token(issued++)));

            measure("lookup by digest (live token)", 2_000, 20_000, i -> {
                int n = expired + random.nextInt(tokens - expired);
                return store.findAccessToken(digest(n)).orElseThrow();
            });
            measure("lookup by digest (unknown token)", 2_000, 20_000,
                    i -> store.findAccessToken(digest(tokens + i)).isEmpty());
            measure("list: first page, default order (newest first), size 25", 20, 200, issue,
                    i -> query.list(TokenListQuery.firstPage()));
            measure("list: page 2, default order, size 1000", 5, 50, issue,
                    i -> query.list(TokenListQuery.firstPage().withPage(2).withSize(1000)));
            int deepPage = (tokens - expired) / 25 / 2;
            measure("list: deep page " + deepPage + " (offset " + (deepPage - 1) * 25 + "), default order", 1, 5,
                    issue, i -> query.list(TokenListQuery.firstPage().withPage(deepPage)));
            int lastPage = (tokens - expired) / 25;
            measure("list: last page " + lastPage + " (offset " + (lastPage - 1) * 25 + "), default order", 1, 5,
                    issue, i -> query.list(TokenListQuery.firstPage().withPage(lastPage)));
            measure("list: filtered by client_id (~900 live each), first page", 20, 500, issue,
                    i -> query.list(TokenListQuery.firstPage().withClientId(client(random.nextInt(CLIENTS)))));
            measure("list: filtered by username (~8 live each), first page", 20, 500, issue,
                    i -> query.list(TokenListQuery.firstPage().withUsername(userWithTokens())));
            measure("list: filtered by client_id and username", 20, 500, issue, i -> {
                int n = expired + random.nextInt(tokens - expired);
                return query.list(TokenListQuery.firstPage().withClientId(client(n % CLIENTS))
                        .withUsername(user(n % USERS)));
            });
            measure("list: ordered by client_id ASC, username DESC, first page", 2, 20, issue,
                    i -> query.list(TokenListQuery.firstPage().withOrder(
                            SortOrder.asc(TokenSortProperty.CLIENT_ID), SortOrder.desc(TokenSortProperty.USERNAME))));
            measure("list: ordered by expires_at ASC, first page", 2, 20, issue,
                    i -> query.list(TokenListQuery.firstPage().withOrder(SortOrder.asc(TokenSortProperty.EXPIRES_AT))));
            measure("list: ordered by token_id DESC, first page", 2, 20, issue,
                    i -> query.list(TokenListQuery.firstPage().withOrder(SortOrder.desc(TokenSortProperty.TOKEN_ID))));
            measure("list: filtered by client_id, ordered by username ASC", 20, 500, issue,
                    i -> query.list(TokenListQuery.firstPage().withClientId(client(random.nextInt(CLIENTS)))
                            .withOrder(SortOrder.asc(TokenSortProperty.USERNAME))));
            measure("list: ordered by username DESC, first page", 2, 20, issue,
                    i -> query.list(TokenListQuery.firstPage().withOrder(SortOrder.desc(TokenSortProperty.USERNAME))));
            cleanup(store);
            measure("after cleanup: list: first page, default order", 20, 200, issue,
                    i -> query.list(TokenListQuery.firstPage()));
            measure("after cleanup: lookup by digest (live token)", 2_000, 20_000, i -> {
                int n = expired + random.nextInt(tokens - expired);
                return store.findAccessToken(digest(n)).orElseThrow();
            });
        }
        Path file = Path.of("target", "bench", "h2", "tokens.mv.db");
        if (settings.url().startsWith("jdbc:h2:file:") && Files.exists(file)) {
            line(String.format(Locale.ROOT, "H2 file after close: %,d MiB", Files.size(file) / (1024 * 1024)));
        }
        Path out = Path.of("target", "bench", "results.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private DatabaseSettings settings() throws IOException {
        String url = System.getProperty("bench.url");
        if (url != null && !url.isBlank()) {
            return new DatabaseSettings(url, System.getProperty("bench.user"), System.getProperty("bench.password"));
        }
        Path dir = Path.of("target", "bench", "h2");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        return DatabaseSettings.h2File(dir);
    }

    /**
     * Token {@code n}: the first {@code expired} tokens expired an hour ago, the others are live. Loaded by
     * {@value #LOADERS} threads, each inserting batches of {@value #LOAD_BATCH} rows, one transaction per batch.
     */
    private void load(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("DELETE FROM access_tokens");
            handle.execute("DELETE FROM refresh_tokens");
        });
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> loaders = new ArrayList<>();
        for (int t = 0; t < LOADERS; t++) {
            Thread loader = new Thread(() -> {
                for (int from = next.getAndAdd(LOAD_BATCH); from < tokens; from = next.getAndAdd(LOAD_BATCH)) {
                    int first = from;
                    int to = Math.min(tokens, from + LOAD_BATCH);
                    jdbi.useTransaction(handle -> {
                        PreparedBatch batch = handle.prepareBatch(TokenSql.INSERT_ACCESS);
                        for (int n = first; n < to; n++) {
                            TokenRows.bind(batch, token(n)).add();
                        }
                        batch.execute();
                    });
                }
            }, "loader-" + t);
            loader.start();
            loaders.add(loader);
        }
        for (Thread loader : loaders) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        line(String.format(Locale.ROOT, "load: %,d access tokens (%,d expired) in %.1f s (%,.0f rows/s), "
                + "%d threads, batches of %d", tokens, expired, seconds, tokens / seconds, LOADERS, LOAD_BATCH));
        jdbi.useHandle(handle -> handle.execute("ANALYZE"));
    }

    /** Token {@code n}, the same on every run. */
    private AccessToken token(int n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        boolean isExpired = n < expired;
        Instant issuedAt = isExpired
                ? NOW.minus(Duration.ofHours(2)).minusSeconds(random.nextInt(30 * 24 * 3600))
                : NOW.minusSeconds(random.nextInt(30 * 24 * 3600));
        Instant expiresAt = isExpired
                ? NOW.minusSeconds(1 + random.nextInt(3600))
                : NOW.plusSeconds(60 + random.nextInt(30 * 24 * 3600));
        // One token in ten is a client's own (client_credentials); the others act for a user.
        boolean clientOnly = n % 10 == 0;
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new AccessToken(
                TokenId.of(Base64.getUrlEncoder().withoutPadding().encodeToString(id)),
                digest(n),
                new SealedToken("v1." + "x".repeat(93)),
                client(n % CLIENTS),
                clientOnly ? null : user(n % USERS),
                Scope.of("read", "write"),
                issuedAt.isBefore(expiresAt) ? issuedAt : expiresAt.minusSeconds(60),
                expiresAt,
                clientOnly ? null : FamilyId.of("family-" + n));
    }

    /** A user who holds tokens: the ones whose index is a multiple of ten only ever appear as client tokens. */
    private Username userWithTokens() {
        int n = random.nextInt(USERS);
        return user(n % 10 == 0 ? n + 1 : n);
    }

    private static TokenDigest digest(int n) {
        return TokenDigest.of(TokenValue.of("bench-token-" + n));
    }

    private static ClientId client(int n) {
        return ClientId.of(String.format(Locale.ROOT, "client-%04d", n));
    }

    private static Username user(int n) {
        return Username.of(String.format(Locale.ROOT, "user-%06d@example.com", n));
    }

    private void measure(String name, int warmUp, int samples, IntFunction<Object> operation) {
        measure(name, warmUp, samples, () -> { }, operation);
    }

    /**
     * Times {@code samples} calls after {@code warmUp} untimed ones; {@code between} runs untimed before each call.
     * The list figures issue one new token between calls, as a live server does: H2 would otherwise answer a
     * repeated query from the result it cached, which no busy server sees.
     */
    private void measure(String name, int warmUp, int samples, Runnable between, IntFunction<Object> operation) {
        for (int i = 0; i < warmUp; i++) {
            between.run();
            operation.apply(i);
        }
        long[] nanos = new long[samples];
        Object last = null;
        for (int i = 0; i < samples; i++) {
            between.run();
            long start = System.nanoTime();
            last = operation.apply(warmUp + i);
            nanos[i] = System.nanoTime() - start;
        }
        // What the last call served, so a figure can be checked against the work it stands for.
        String served = last instanceof TokenPage page
                ? String.format(Locale.ROOT, "  [%d rows of %,d]", page.content().size(), page.totalElements())
                : "";
        line(String.format(Locale.ROOT, "%-62s n=%-6d %s%s", name, samples, percentiles(nanos), served));
    }

    private void cleanup(JdbiTokenStore store) {
        List<Long> batches = new ArrayList<>();
        int total = 0;
        long start = System.nanoTime();
        int deleted;
        do {
            long batchStart = System.nanoTime();
            deleted = store.deleteExpired(CLEANUP_BATCH);
            batches.add(System.nanoTime() - batchStart);
            total += deleted;
        } while (deleted == CLEANUP_BATCH);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] nanos = batches.stream().mapToLong(Long::longValue).toArray();
        line(String.format(Locale.ROOT, "%-62s n=%-6d %s", "cleanup: deleteExpired(" + CLEANUP_BATCH + ") per batch",
                nanos.length, percentiles(nanos)));
        line(String.format(Locale.ROOT, "cleanup: %,d expired tokens deleted in %.2f s (%,.0f rows/s)",
                total, seconds, total / seconds));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms",
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }
}
