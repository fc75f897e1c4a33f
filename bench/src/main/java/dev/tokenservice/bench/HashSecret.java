package dev.tokenservice.bench;

import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the stored form of a secret read from stdin, for a bootstrap file's {@code client_secret_hash} or
 * {@code password_hash}: {@code sha256} for generated client secrets, {@code pbkdf2} (the server's default cost) for
 * passwords. The secret is read from stdin so that it never shows in a process list.
 *
 * <pre>printf %s "$secret" | java -cp benchmarks.jar dev.tokenservice.bench.HashSecret sha256|pbkdf2</pre>
 */
public final class HashSecret {
    private HashSecret() { }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !(args[0].equals("sha256") || args[0].equals("pbkdf2"))) {
            System.err.println("usage: HashSecret sha256|pbkdf2 < secret");
            System.exit(2);
        }
        String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (secret == null || secret.isEmpty()) {
            System.err.println("HashSecret: no secret on stdin");
            System.exit(2);
        }
        var hasher = args[0].equals("sha256") ? new Sha256SecretHasher() : new Pbkdf2SecretHasher();
        System.out.println(hasher.hash(secret).value());
    }
}
