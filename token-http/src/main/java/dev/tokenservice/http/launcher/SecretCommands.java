package dev.tokenservice.http.launcher;

import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The server jar's commands for bootstrap files, so that a file need hold no secret in clear:
 *
 * <pre>
 * java -jar token-server.jar new-client-secret          # a generated secret and its $sha256$ hash
 * java -jar token-server.jar hash-password &lt; file       # the $pbkdf2-sha256$ hash of a password read from stdin
 * </pre>
 *
 * A {@code $sha256$} hash is only made of a secret generated here: one SHA-256 is safe for 256 random bits, not for a
 * secret a person chose, which gets the slow PBKDF2 hash. The password is read from stdin so that it never shows in a
 * process list. Stateless.
 */
final class SecretCommands {
    static final String NEW_CLIENT_SECRET = "new-client-secret";
    static final String HASH_PASSWORD = "hash-password";

    private SecretCommands() { }

    /** Runs the command in {@code args}; returns the process exit code (0 done, 2 usage or input error). */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 1 && args[0].equals(NEW_CLIENT_SECRET)) {
            String secret = SecureRandomTokenValueGenerator.newClientSecret();
            out.println("client_secret=" + secret);
            out.println("client_secret_hash=" + new Sha256SecretHasher().hash(secret).value());
            return 0;
        }
        if (args.length == 1 && args[0].equals(HASH_PASSWORD)) {
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                err.println("token server: hash-password reads the password from stdin; none was given");
                return 2;
            }
            out.println(new Pbkdf2SecretHasher().hash(password).value());
            return 0;
        }
        err.println("usage: java -jar token-server.jar [" + NEW_CLIENT_SECRET + " | " + HASH_PASSWORD + " < password]");
        err.println("       without arguments the server starts, configured by TOKEN_* environment variables");
        return 2;
    }
}
