package dev.tokenservice.http.launcher;

import dev.tokenservice.core.crypto.SecureRandomTokenValueGenerator;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.http.web.EndpointPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The training run the build records the server's class-data-sharing archive from ({@code token-server.jsa} beside
 * the jar, which the launcher script hands to the JVM): a start as the {@link Launcher} does it, on an empty
 * temporary data folder with a bootstrap file (so migrations run and a client is imported), one token with client
 * credentials over HTTP, and a graceful stop. The JVM started with {@code -XX:ArchiveClassesAtExit} then writes every
 * class this loaded to the archive, and a server started with it maps those classes instead of loading and verifying
 * them from the jar again. Exits with status 1 when the server does not answer with a token.
 */
final class ClassDataTraining {
    private static final String CLIENT_ID = "class-data-training";
    private static final int TIMEOUT_MILLIS = 30_000;

    private ClassDataTraining() { }

    public static void main(String[] args) throws IOException {
        Launcher.useSystemDefaults();
        Path data = Files.createTempDirectory("token-server-training");
        try {
            train(data);
        } finally {
            deleteRecursively(data);
        }
    }

    private static void train(Path data) throws IOException {
        String secret = SecureRandomTokenValueGenerator.newClientSecret();
        Path bootstrap = data.resolve("bootstrap.json");
        Files.writeString(bootstrap, "{\"clients\": [{\"client_id\": \"" + CLIENT_ID + "\", \"client_secret_hash\": \""
                + new Sha256SecretHasher().hash(secret).value() + "\", \"grant_types\": [\"client_credentials\"],"
                + " \"scopes\": [\"read\"]}]}", StandardCharsets.UTF_8);
        ServerConfig config = ServerConfig.from(Map.of("TOKEN_SERVER_HOST", "127.0.0.1", "TOKEN_SERVER_PORT", "0",
                "TOKEN_DATA_DIR", data.resolve("data").toString(), "TOKEN_BOOTSTRAP_FILE", bootstrap.toString()),
                new Properties());
        try (TokenServer server = TokenServer.start(config, new PrintStream(OutputStream.nullOutputStream()))) {
            int status = requestToken(server.baseUri().resolve(EndpointPaths.TOKEN), secret);
            if (status != 200) {
                System.err.println("class-data training: the token endpoint answered " + status + ", not 200");
                System.exit(1);
            }
        }
    }

    private static int requestToken(URI endpoint, String secret) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        try {
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream body = connection.getOutputStream()) {
                body.write("grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII));
            }
            int status = connection.getResponseCode();
            try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (answer != null) {
                    answer.readAllBytes();
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
