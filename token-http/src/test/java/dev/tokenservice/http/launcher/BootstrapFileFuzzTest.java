package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenservice.core.crypto.DelegatingSecretHasher;
import dev.tokenservice.core.crypto.Pbkdf2SecretHasher;
import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.InMemoryUserAccountStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bootstrap file is read and imported, or refused with an {@link IllegalArgumentException} (the launcher's
 * answer to a bad file: the server does not start, and says why) before anything is saved. Never another exception.
 * Stored inputs: {@code BootstrapFileFuzzTestInputs/readAndImport/}, one file each.
 */
class BootstrapFileFuzzTest {
    /** The production schemes, PBKDF2 at one iteration: the fuzzer hashes thousands of secrets a second. */
    private static final SecretHasher HASHER = new DelegatingSecretHasher(new Pbkdf2SecretHasher(1),
            List.of(new Sha256SecretHasher()));

    private static Path file;

    @BeforeAll
    static void createFile() throws IOException {
        file = Files.createTempFile("bootstrap", ".json");
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @DictionaryFile(resourcePath = "/dev/tokenservice/http/json.dict")
    @FuzzTest
    void readAndImport(byte[] content) throws IOException {
        Files.write(file, content);
        InMemoryClientStore clients = InMemoryClientStore.of();
        InMemoryUserAccountStore users = InMemoryUserAccountStore.of();
        try {
            BootstrapFile bootstrap = BootstrapFile.read(file);
            new BootstrapImport(clients, users, HASHER, HASHER, HASHER, Scope.EMPTY, true).apply(bootstrap);
        } catch (IllegalArgumentException e) {
            assertThat(clients.count()).isZero();
        }
    }
}
