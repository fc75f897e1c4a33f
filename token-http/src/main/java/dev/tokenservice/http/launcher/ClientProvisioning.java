package dev.tokenservice.http.launcher;

import com.google.inject.Injector;
import com.google.inject.Key;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.http.guice.DefaultScopes;
import dev.tokenservice.http.guice.GeneratedSecrets;
import dev.tokenservice.http.guice.UserPasswords;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients a start provisions: those of the bootstrap file, created or replaced with its users, the secrets it asked
 * the server to generate printed once; or, without a bootstrap file, the {@code admin} client when the store holds no
 * client at all, its secret printed once. The file
 * is read on a thread of its own from {@link #begin}, while the server binds its port. One owner.
 */
final class ClientProvisioning {
    private static final Logger LOG = LoggerFactory.getLogger(ClientProvisioning.class);

    /** The bootstrap file; {@code null} for none. */
    private final Path file;
    private final BackgroundTask<Optional<BootstrapFile>> entries;

    private ClientProvisioning(Path file, BackgroundTask<Optional<BootstrapFile>> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Starts reading the bootstrap file of {@code config}, if it names one. */
    static ClientProvisioning begin(ServerConfig config) {
        // No file, nothing to read, and no thread to start: on a busy machine the start would wait for its first run.
        return new ClientProvisioning(config.bootstrapFile(), config.bootstrap().isEmpty()
                ? BackgroundTask.done(Optional.empty())
                : BackgroundTask.start("token-bootstrap-read", () -> config.bootstrap().map(BootstrapFile::read)));
    }

    /**
     * Provisions the clients into the stores of {@code injector}, whose schema must be migrated.
     *
     * @param console where the one-time secret of a created {@code admin} client is printed (not the log)
     * @throws IllegalArgumentException for a bootstrap file that cannot be read or holds an entry that is not valid
     */
    void apply(Injector injector, PrintStream console) {
        Optional<BootstrapFile> bootstrap = entries.join();
        if (bootstrap.isPresent()) {
            importBootstrap(bootstrap.get(), injector, console);
        } else {
            createAdminClient(injector, console);
        }
    }

    private void importBootstrap(BootstrapFile bootstrap, Injector injector, PrintStream console) {
        Map<String, String> generated = new BootstrapImport(injector.getInstance(ClientStore.class),
                injector.getInstance(UserAccountStore.class),
                injector.getInstance(TokenServices.class).secretHasher(),
                injector.getInstance(Key.get(SecretHasher.class, GeneratedSecrets.class)),
                injector.getInstance(Key.get(SecretHasher.class, UserPasswords.class)),
                injector.getInstance(Key.get(Scope.class, DefaultScopes.class)),
                injector.getInstance(TokenSealer.class).isEnabled()).apply(bootstrap);
        LOG.info("imported {} clients and {} users from {}", bootstrap.clients().size(), bootstrap.users().size(), file);
        generated.forEach((clientId, secret) -> {
            LOG.info("generated a secret for the client '{}'; it is printed once on the console", clientId);
            console.println("Generated a secret for client '" + clientId + "', shown this once: " + secret);
        });
        console.flush();
    }

    private static void createAdminClient(Injector injector, PrintStream console) {
        Optional<String> secret = AdminClient.createIfNoClient(injector.getInstance(ClientStore.class),
                injector.getInstance(Key.get(SecretHasher.class, GeneratedSecrets.class)));
        secret.ifPresent(value -> {
            LOG.info("created the client '{}' with authority TOKENS_ADMIN; its secret is printed once on the console",
                    AdminClient.CLIENT_ID);
            console.println("Created client '" + AdminClient.CLIENT_ID + "' (client_credentials, TOKENS_ADMIN).");
            console.println("Its secret, shown this once: " + value);
            console.flush();
        });
    }
}
