package dev.tokenservice.bench;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.persistence.Database;
import dev.tokenservice.persistence.DatabaseSettings;
import dev.tokenservice.persistence.internal.TokenRows;
import dev.tokenservice.persistence.internal.TokenSql;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills the stand-alone server's H2 file database with live access tokens for the admin-list load scenario, in
 * batched transactions (saving them one by one through the store would wait for a disk flush per token). The
 * tokens belong to 100 clients and 10,000 users, were issued over the last 30 days and live for another 30.
 * Run it while no server has the folder open.
 *
 * <pre>java -cp benchmarks.jar dev.tokenservice.bench.SeedTokens DATA_DIR COUNT</pre>
 */
public final class SeedTokens {
    private static final int BATCH = 2_000;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SeedTokens() { }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SeedTokens DATA_DIR COUNT");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Instant now = Instant.now();
        long start = System.nanoTime();
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir))) {
            database.migrate();
            for (int from = 0; from < count; from += BATCH) {
                int first = from;
                int to = Math.min(count, from + BATCH);
                database.jdbi().useTransaction(handle -> {
                    PreparedBatch batch = handle.prepareBatch(TokenSql.INSERT_ACCESS);
                    for (int n = first; n < to; n++) {
                        TokenRows.bind(batch, token(n, now)).add();
                    }
                    batch.execute();
                });
            }
        }
        System.out.printf("seeded %,d access tokens in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private static AccessToken token(int n, Instant now) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        byte[] value = new byte[32];
        random.nextBytes(value);
        byte[] id = new byte[16];
        random.nextBytes(id);
        Instant issuedAt = now.minusSeconds(random.nextInt(30 * 24 * 3600));
        boolean clientOnly = n % 10 == 0;
        return new AccessToken(TokenId.of(BASE64URL.encodeToString(id)),
                TokenDigest.of(TokenValue.of("seeded-" + BASE64URL.encodeToString(value))),
                new SealedToken("v1." + "x".repeat(93)),
                ClientId.of("seed-client-" + n % 100),
                clientOnly ? null : Username.of("seed-user-" + n % 10_000 + "@example.com"),
                Scope.of("read"),
                issuedAt,
                now.plus(Duration.ofDays(30)),
                FamilyId.of(BASE64URL.encodeToString(id)));
    }
}
