package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.crypto.DelegatingSecretHasher;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.SecretHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecretCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) throws Exception {
        return SecretCommands.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> printed() {
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    @Test
    void newClientSecretWhenRunThenPrintsASecretAndItsSha256Hash() throws Exception {
        int exit = run("", SecretCommands.NEW_CLIENT_SECRET);

        Map<String, String> lines = printed();
        assertThat(exit).isZero();
        assertThat(lines.get("client_secret_hash")).startsWith("$sha256$");
        SecretHash hash = SecretHash.of(lines.get("client_secret_hash"));
        assertThat(new Sha256SecretHasher().verify(lines.get("client_secret"), hash)).isTrue();
    }

    @Test
    void newClientSecretWhenRunTwiceThenSecretsDiffer() throws Exception {
        run("", SecretCommands.NEW_CLIENT_SECRET);
        String first = printed().get("client_secret");
        out.reset();

        run("", SecretCommands.NEW_CLIENT_SECRET);

        assertThat(printed().get("client_secret")).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void hashPasswordWhenPasswordOnStdinThenPrintsAPbkdf2HashOfIt() throws Exception {
        int exit = run("pa ss+word\n", SecretCommands.HASH_PASSWORD);

        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).isZero();
        assertThat(hash).startsWith("$pbkdf2-sha256$");
        assertThat(DelegatingSecretHasher.standard().verify("pa ss+word", SecretHash.of(hash))).isTrue();
    }

    @Test
    void hashPasswordWhenStdinIsEmptyThenUsageErrorAndNothingPrinted() throws Exception {
        int exit = run("", SecretCommands.HASH_PASSWORD);

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void runWhenCommandIsUnknownThenUsageError() throws Exception {
        int exit = run("", "hash-secret");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
