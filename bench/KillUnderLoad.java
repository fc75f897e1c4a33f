import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kill under load: proves that what the stand-alone server answered before a {@code kill -9} is still there after a
 * restart on the same data. Run by {@code bench/kill-under-load.sh} (and CI), with the server's jar on the class path
 * for its secret hashers:
 *
 * <pre>java -cp token-http/target/token-server.jar bench/KillUnderLoad.java token-http/target/token-server</pre>
 *
 * <ol>
 *   <li>Starts the server through its launcher on an H2 file in a fresh temporary folder, with a bootstrap file of
 *       three clients (secrets stored as {@code $sha256$} hashes) and a user (a PBKDF2 hash).</li>
 *   <li>Opens refresh-token chains with password grants, then drives {@code client_credentials} and refresh-token
 *       rotation from several threads for {@code LOAD_SECONDS}. Each refresh thread walks its chains in turn, so that
 *       at most one chain per thread has a request in flight at any moment. Every answer is recorded with the time it
 *       was fully received.</li>
 *   <li>Sends SIGKILL ({@code kill -9}) to the server in the middle of that load, noting the time just before, and
 *       restarts it on the same folder. Only answers received before that time count.</li>
 *   <li>Checks, with a confidential client's introspection and then the token endpoint: (a) every access token
 *       answered with 200 before the kill is {@code active}; (b) every refresh token that was rotated before the kill
 *       (a newer one came back in a 200 answer) is inactive and refused with {@code invalid_grant}, and the newest
 *       token of each chain is active and still rotates. A token presented in a request that was sent but not
 *       answered before the kill may or may not have been rotated: it is not judged.</li>
 *   <li>Between (a) and (b), retries what a client would retry: each chain whose refresh was in flight at the kill
 *       sends the same refresh again. If the server stored that rotation before it died, the retry is a retired
 *       token presented again: without a grace window ({@code TOKEN_REFRESH_GRACE}, passed on to the server) it is
 *       reuse and the family is revoked, the user logged out; within the window the same successor comes back.
 *       Counts the chains that answer 200 (and still rotate) and those that end in family revocation; with a grace
 *       window a revoked family is a failure.</li>
 * </ol>
 *
 * Prints one summary line and exits 0, or 1 on any lost or resurrected token or unexpected answer, 2 when it could
 * not run. Settings (environment): {@code LOAD_SECONDS} (4), {@code CC_THREADS} (3), {@code REFRESH_THREADS} (3),
 * {@code CHAINS_PER_THREAD} (8), {@code KEEP_WORK} (1 keeps the temporary folder). The servers listen on 127.0.0.1
 * only; the load stops at the kill; the program stops the server it started.
 */
public final class KillUnderLoad {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DESCRIPTION = Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACTIVE = Pattern.compile("\"active\"\\s*:\\s*(true|false)");
    /** Enough for a few dozen password grants at start; the iteration count travels with the hash. */
    private static final int USER_PBKDF2_ITERATIONS = 10_000;
    private static final int CHECK_THREADS = 4;
    private static final int MAX_EXAMPLES = 10;

    private final Path launcher;
    private final Path work;
    private final int loadMillis = Integer.parseInt(env("LOAD_SECONDS", "4")) * 1000;
    private final int ccThreads = Integer.parseInt(env("CC_THREADS", "3"));
    private final int refreshThreads = Integer.parseInt(env("REFRESH_THREADS", "3"));
    private final int chainsPerThread = Integer.parseInt(env("CHAINS_PER_THREAD", "8"));
    private final int graceSeconds = Integer.parseInt(env("TOKEN_REFRESH_GRACE", "0"));
    /** Chains whose in-flight refresh, retried after the restart, answered 200 / ended in family revocation. */
    private final AtomicInteger retriesAnswered = new AtomicInteger();
    private final AtomicInteger retriesRevoked = new AtomicInteger();
    private final String ccAuth;
    private final String webAuth;
    private final String introspectorAuth;
    private final String userPassword;
    private final int port;
    private final long start = System.nanoTime();

    /** The time the kill was sent; {@code Long.MAX_VALUE} until then. */
    private volatile long killedAt = Long.MAX_VALUE;
    private final AtomicBoolean stop = new AtomicBoolean();
    /** Requests sent before the kill and not answered before it: with no answer, or answered after it. */
    private final AtomicInteger inFlightAtKill = new AtomicInteger();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** Each token found lost or resurrected, once, with what showed it first. */
    private final Map<String, String> lost = new ConcurrentHashMap<>();
    private final Map<String, String> resurrected = new ConcurrentHashMap<>();

    private Process server;

    private KillUnderLoad(Path launcher, Path work) throws IOException {
        this.launcher = launcher;
        this.work = work;
        String ccSecret = randomSecret();
        String webSecret = randomSecret();
        String introspectorSecret = randomSecret();
        userPassword = randomSecret();
        ccAuth = basic("kill-cc", ccSecret);
        webAuth = basic("kill-web", webSecret);
        introspectorAuth = basic("kill-introspector", introspectorSecret);
        Sha256SecretHasher sha256 = new Sha256SecretHasher();
        String bootstrap = "{\"clients\": [\n"
                + "  {\"client_id\": \"kill-cc\", \"client_secret_hash\": \"" + sha256.hash(ccSecret).value()
                + "\", \"grant_types\": [\"client_credentials\"], \"scopes\": [\"read\"]},\n"
                + "  {\"client_id\": \"kill-web\", \"client_secret_hash\": \"" + sha256.hash(webSecret).value()
                + "\", \"grant_types\": [\"password\", \"refresh_token\"], \"scopes\": [\"read\"]},\n"
                + "  {\"client_id\": \"kill-introspector\", \"client_secret_hash\": \""
                + sha256.hash(introspectorSecret).value()
                + "\", \"grant_types\": [\"client_credentials\"], \"scopes\": [\"read\"]}],\n"
                + " \"users\": [{\"username\": \"kill-user\", \"password_hash\": \""
                + new Pbkdf2SecretHasher(USER_PBKDF2_ITERATIONS).hash(userPassword).value() + "\"}]}\n";
        Files.writeString(work.resolve("bootstrap.json"), bootstrap);
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: java -cp token-server.jar KillUnderLoad.java path/to/token-server");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("token-kill.",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        KillUnderLoad check = new KillUnderLoad(Path.of(args[0]), work);
        Runtime.getRuntime().addShutdownHook(new Thread(check::stopServer));
        int status;
        try {
            status = check.run();
        } catch (Exception e) {
            System.err.println("kill-under-load: could not run: " + e);
            check.printServerLogs();
            status = 2;
        } finally {
            check.stopServer();
            if (!"1".equals(System.getenv("KEEP_WORK"))) {
                deleteRecursively(work);
            } else {
                System.err.println("kill-under-load: kept " + work);
            }
        }
        System.exit(status);
    }

    private int run() throws Exception {
        HttpClient http = newClient();
        startServer("server-1.log");
        log("server started on 127.0.0.1:" + port);

        // Chains first: a password grant each, before the load.
        List<List<Chain>> chainsByThread = new ArrayList<>();
        List<Issued> accessTokens = new ArrayList<>();
        for (int t = 0; t < refreshThreads; t++) {
            List<Chain> chains = new ArrayList<>();
            for (int c = 0; c < chainsPerThread; c++) {
                Answer answer = post(http, "/oauth/token", webAuth, "grant_type=password&username=kill-user&password="
                        + userPassword);
                if (answer.status != 200) {
                    throw new IllegalStateException("password grant answered " + answer.status + ": " + answer.body);
                }
                Chain chain = new Chain();
                chain.newest = required(REFRESH_TOKEN, answer.body);
                chains.add(chain);
                accessTokens.add(new Issued(required(ACCESS_TOKEN, answer.body), "password", answer.receivedAt));
            }
            chainsByThread.add(chains);
        }

        // The load, then the kill in the middle of it.
        List<Thread> threads = new ArrayList<>();
        List<List<Issued>> issuedByThread = new ArrayList<>();
        for (int t = 0; t < ccThreads + refreshThreads; t++) {
            List<Issued> issued = new ArrayList<>();
            issuedByThread.add(issued);
            Runnable load = t < ccThreads ? () -> clientCredentials(http, issued)
                    : refresh(http, chainsByThread.get(t - ccThreads), issued);
            Thread thread = new Thread(reporting(load), "load-" + t);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(loadMillis);
        killedAt = System.nanoTime();
        server.destroyForcibly(); // SIGKILL, as kill -9
        stop.set(true);
        server.waitFor();
        log("sent kill -9 to the server under load (exit status " + server.exitValue() + ")");
        for (Thread thread : threads) {
            thread.join(60_000);
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not stop after the kill");
            }
        }
        issuedByThread.forEach(accessTokens::addAll);
        List<Chain> chains = chainsByThread.stream().flatMap(List::stream).toList();

        startServer("server-2.log");
        log("server restarted on the same data");
        return check(newClient(), accessTokens, chains);
    }

    // --- The load ---

    private void clientCredentials(HttpClient http, List<Issued> issued) {
        while (!stop.get()) {
            long sentAt = System.nanoTime();
            Answer answer;
            try {
                answer = post(http, "/oauth/token", ccAuth, "grant_type=client_credentials");
            } catch (IOException e) {
                noAnswer("client_credentials", e, sentAt);
                continue;
            }
            if (answer.receivedAt >= killedAt) {
                afterKill(sentAt);
            } else if (answer.status == 200) {
                issued.add(new Issued(required(ACCESS_TOKEN, answer.body), "client_credentials", answer.receivedAt));
            } else {
                unexpected.add("client_credentials answered " + answer.status + " before the kill: " + answer.body);
            }
        }
    }

    /** Walks the chains in turn; a chain whose request went unanswered is left with that token "in flight". */
    private Runnable refresh(HttpClient http, List<Chain> chains, List<Issued> issued) {
        return () -> {
            int next = 0;
            while (!stop.get()) {
                Chain chain = chains.get(next++ % chains.size());
                if (chain.inFlight != null || chain.broken) {
                    if (chains.stream().allMatch(c -> c.inFlight != null || c.broken)) {
                        return;
                    }
                    continue;
                }
                chain.inFlight = chain.newest;
                long sentAt = System.nanoTime();
                Answer answer;
                try {
                    answer = post(http, "/oauth/token", webAuth, "grant_type=refresh_token&refresh_token="
                            + chain.newest);
                } catch (IOException e) {
                    noAnswer("refresh", e, sentAt);
                    continue;
                }
                if (answer.receivedAt >= killedAt) {
                    // Answered, but not before the kill: counts as unanswered, the token stays in flight.
                    afterKill(sentAt);
                } else if (answer.status == 200) {
                    chain.rotated.add(chain.newest);
                    chain.newest = required(REFRESH_TOKEN, answer.body);
                    chain.inFlight = null;
                    issued.add(new Issued(required(ACCESS_TOKEN, answer.body), "refresh", answer.receivedAt));
                } else {
                    unexpected.add("a refresh answered " + answer.status + " before the kill: " + answer.body);
                    chain.inFlight = null;
                    chain.broken = true;
                }
            }
        };
    }

    /** A request with no answer: expected once the server is killed, a failure of the server before that. */
    private void noAnswer(String grant, IOException e, long sentAt) {
        if (System.nanoTime() >= killedAt) {
            afterKill(sentAt);
        } else {
            unexpected.add(grant + " failed before the kill: " + e);
        }
    }

    /** A request left unanswered at the kill; counted as in flight when it was sent before the kill. */
    private void afterKill(long sentAt) {
        if (sentAt < killedAt) {
            inFlightAtKill.incrementAndGet();
        }
    }

    /** Runs {@code load}; anything it throws is reported as unexpected rather than lost with the thread. */
    private Runnable reporting(Runnable load) {
        return () -> {
            try {
                load.run();
            } catch (RuntimeException e) {
                unexpected.add(Thread.currentThread().getName() + " failed: " + e);
            }
        };
    }

    // --- The checks, after the restart ---

    private int check(HttpClient http, List<Issued> accessTokens, List<Chain> chains) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CHECK_THREADS);
        try {
            // (a) Every access token answered before the kill is active. Before anything that could revoke one.
            runAll(pool, accessTokens.stream().map(token -> (Check) () -> {
                Answer answer = post(http, "/oauth/introspect", introspectorAuth, "token=" + token.value);
                if (!isActive(answer)) {
                    lost.putIfAbsent(token.value, "access token " + token + ": introspection answered "
                            + answer.status + " " + answer.body);
                }
            }).toList());

            // The client's retry of each refresh in flight at the kill; before (b), whose reuse revokes families.
            runAll(pool, chains.stream().filter(chain -> chain.inFlight != null && !chain.broken)
                    .map(chain -> (Check) () -> retry(http, chain)).toList());

            // (b) Without changing anything: rotated refresh tokens are inactive, the newest of each chain active.
            List<Check> introspections = new ArrayList<>();
            for (Chain chain : chains) {
                for (String token : chain.rotated) {
                    introspections.add(() -> {
                        Answer answer = post(http, "/oauth/introspect", introspectorAuth,
                                "token=" + token + "&token_type_hint=refresh_token");
                        if (answer.status != 200 || isActive(answer)) {
                            resurrected.putIfAbsent(token, "rotated refresh token " + brief(token)
                                    + ": introspection answered " + answer.status + " " + answer.body);
                        }
                    });
                }
                if (chain.judged()) {
                    introspections.add(() -> {
                        Answer answer = post(http, "/oauth/introspect", introspectorAuth,
                                "token=" + chain.newest + "&token_type_hint=refresh_token");
                        if (!isActive(answer)) {
                            lost.putIfAbsent(chain.newest, "newest refresh token " + brief(chain.newest)
                                    + ": introspection answered " + answer.status + " " + answer.body);
                        }
                    });
                }
            }
            runAll(pool, introspections);

            // (b) At the token endpoint, one chain per task: the newest rotates, then every rotated token, newest
            // first, is refused (the first such reuse revokes the family, as the server does on any reuse).
            runAll(pool, chains.stream().map(chain -> (Check) () -> {
                if (chain.judged()) {
                    Answer answer = refresh(http, chain.newest);
                    if (answer.status != 200) {
                        lost.putIfAbsent(chain.newest, "newest refresh token " + brief(chain.newest)
                                + ": refresh answered " + answer.status + " " + answer.body);
                    }
                }
                for (int i = chain.rotated.size() - 1; i >= 0; i--) {
                    String token = chain.rotated.get(i);
                    Answer answer = refresh(http, token);
                    if (answer.status == 200) {
                        resurrected.putIfAbsent(token, "rotated refresh token " + brief(token)
                                + " rotated again after the restart");
                    } else if (answer.status != 400 || !"invalid_grant".equals(find(ERROR, answer.body))) {
                        unexpected.add("rotated refresh token " + brief(token) + ": refresh answered "
                                + answer.status + " " + answer.body);
                    }
                }
            }).toList());
        } finally {
            pool.shutdownNow();
        }

        if (graceSeconds > 0 && retriesRevoked.get() > 0) {
            unexpected.add(retriesRevoked.get() + " retried refreshes revoked their family despite a grace window of "
                    + graceSeconds + " s");
        }
        int rotated = chains.stream().mapToInt(chain -> chain.rotated.size()).sum();
        long judged = chains.stream().filter(Chain::judged).count();
        long inFlight = chains.stream().filter(chain -> chain.inFlight != null).count();
        if (inFlightAtKill.get() == 0) {
            unexpected.add("no request was in flight at the kill: the kill did not happen under load");
        }
        if (accessTokens.size() < 50 || rotated < 10) {
            unexpected.add("too little load before the kill to judge (" + accessTokens.size() + " access tokens, "
                    + rotated + " rotations)");
        }
        report("lost", lost.values());
        report("resurrected", resurrected.values());
        report("unexpected", unexpected);
        System.out.printf("kill-under-load: %d access tokens, %d rotated refresh tokens, %d newest refresh tokens "
                        + "checked after kill -9 (%d requests in flight at the kill; %d chains with a rotation in "
                        + "flight, not judged): %d lost, %d resurrected%s (%.1f s)%n",
                accessTokens.size(), rotated, judged, inFlightAtKill.get(), inFlight, lost.size(),
                resurrected.size(), unexpected.isEmpty() ? "" : ", " + unexpected.size() + " unexpected",
                (System.nanoTime() - start) / 1e9);
        System.out.printf("kill-under-load: retries after the restart (grace window %d s): %d chains in flight, "
                        + "%d answered 200, %d family revoked%n", graceSeconds, inFlight, retriesAnswered.get(),
                retriesRevoked.get());
        return lost.isEmpty() && resurrected.isEmpty() && unexpected.isEmpty() ? 0 : 1;
    }

    /**
     * Sends the refresh that was in flight at the kill again, as a client that never got its answer does. A 200 must
     * come with a refresh token that rotates in turn; reuse that revoked the family counts as a logout.
     */
    private void retry(HttpClient http, Chain chain) throws IOException {
        Answer answer = refresh(http, chain.inFlight);
        if (answer.status == 200) {
            Answer next = refresh(http, required(REFRESH_TOKEN, answer.body));
            if (next.status != 200) {
                unexpected.add("the refresh token a retry returned did not rotate: " + next.status + " " + next.body);
            }
            retriesAnswered.incrementAndGet();
        } else if (answer.status == 400 && "invalid_grant".equals(find(ERROR, answer.body))
                && String.valueOf(find(DESCRIPTION, answer.body)).contains("family has been revoked")) {
            retriesRevoked.incrementAndGet();
        } else {
            unexpected.add("a retried refresh answered " + answer.status + " " + answer.body);
        }
    }

    private Answer refresh(HttpClient http, String token) throws IOException {
        return post(http, "/oauth/token", webAuth, "grant_type=refresh_token&refresh_token=" + token);
    }

    private static boolean isActive(Answer answer) {
        return answer.status == 200 && "true".equals(find(ACTIVE, answer.body));
    }

    @FunctionalInterface
    private interface Check {
        void run() throws IOException;
    }

    private void runAll(ExecutorService pool, List<Check> checks) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (Check check : checks) {
            futures.add(pool.submit(() -> {
                try {
                    check.run();
                } catch (IOException e) {
                    unexpected.add("a check after the restart failed: " + e);
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    private static void report(String kind, Collection<String> problems) {
        problems.stream().limit(MAX_EXAMPLES).forEach(problem -> System.out.println("  " + kind + ": " + problem));
        if (problems.size() > MAX_EXAMPLES) {
            System.out.println("  ... and " + (problems.size() - MAX_EXAMPLES) + " more " + kind);
        }
    }

    // --- The server ---

    private void startServer(String logName) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", launcher.toString());
        builder.environment().put("TOKEN_SERVER_HOST", "127.0.0.1");
        builder.environment().put("TOKEN_SERVER_PORT", Integer.toString(port));
        builder.environment().put("TOKEN_ISSUER", "http://127.0.0.1:" + port);
        builder.environment().put("TOKEN_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("TOKEN_BOOTSTRAP_FILE", work.resolve("bootstrap.json").toString());
        builder.redirectErrorStream(true).redirectOutput(work.resolve(logName).toFile());
        synchronized (this) {
            server = builder.start(); // the launcher execs java: this process is the server's JVM
        }
        HttpClient http = newClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with status " + server.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not answer /healthz within 60 s");
    }

    /** Stops the server this program started, if it runs: SIGTERM, then SIGKILL after 20 s. */
    private synchronized void stopServer() {
        if (server == null || !server.isAlive()) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void printServerLogs() {
        for (String name : List.of("server-1.log", "server-2.log")) {
            Path file = work.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(file);
                System.err.println("--- last lines of " + name);
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
            } catch (IOException e) {
                System.err.println("cannot read " + file + ": " + e);
            }
        }
    }

    // --- HTTP ---

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** POSTs a form; the answer's time is taken once its body is fully received. */
    private Answer post(HttpClient http, String path, String authorization, String form) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private record Answer(int status, String body, long receivedAt) { }

    /** An access token from an answer received before the kill. */
    private final class Issued {
        final String value;
        final String grant;
        final long receivedAt;

        Issued(String value, String grant, long receivedAt) {
            this.value = value;
            this.grant = grant;
            this.receivedAt = receivedAt;
        }

        @Override
        public String toString() {
            long before = killedAt == Long.MAX_VALUE ? -1 : (killedAt - receivedAt) / 1_000_000;
            return brief(value) + " (" + grant + ", answered " + before + " ms before the kill)";
        }
    }

    /** One refresh-token family, walked by one load thread; read by the checks after that thread ended. */
    private static final class Chain {
        /** Tokens exchanged for a newer one in an answer received before the kill, oldest first. */
        final List<String> rotated = new ArrayList<>();
        /** The token of the last answer received before the kill. */
        String newest;
        /** The token of a request sent but not answered before the kill: it may or may not have been rotated. */
        String inFlight;
        /** A refresh answered with an error before the kill (reported as unexpected); the newest is not judged. */
        boolean broken;

        boolean judged() {
            return inFlight == null && !broken;
        }
    }

    // --- Helpers ---

    private static String required(Pattern pattern, String body) {
        String value = find(pattern, body);
        if (value == null) {
            throw new IllegalStateException("no " + pattern + " in a 200 answer: " + body);
        }
        return value;
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String brief(String token) {
        return token.substring(0, Math.min(8, token.length())) + "…";
    }

    private void log(String message) {
        System.out.printf("kill-under-load: [%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, message);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("kill-under-load: could not delete " + folder + ": " + e);
        }
    }
}
