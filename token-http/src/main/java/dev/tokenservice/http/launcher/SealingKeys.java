package dev.tokenservice.http.launcher;

import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.port.TokenSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the token sealer from the configuration: the configured keys, none when the key is {@code off}, or else
 * the key file {@code <data>/token-sealing.key}, created with a fresh random key (readable by the owner only) on the
 * first start. Both take a keyring: several keys separated by commas or new lines, of which the first seals and every
 * one opens (see {@link AesGcmTokenSealer}), so a key can be rotated without losing what the old key sealed. The keys
 * never go into the database or the log.
 */
final class SealingKeys {
    static final String KEY_FILE = "token-sealing.key";
    private static final Logger LOG = LoggerFactory.getLogger(SealingKeys.class);

    private SealingKeys() { }

    static TokenSealer sealer(ServerConfig config) {
        String key = config.sealingKey();
        if (ServerConfig.SEALING_OFF.equalsIgnoreCase(String.valueOf(key))) {
            LOG.info("token sealing is off: the administration API shows token values as null");
            return TokenSealer.NONE;
        }
        try {
            return AesGcmTokenSealer.fromBase64(key != null ? key : keyFromFile(config.dataDir()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TOKEN_SEALING_KEY (or the key file) must be base64 of 32 bytes, or"
                    + " several such keys separated by commas or new lines, each once, or off");
        }
    }

    private static String keyFromFile(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                if (createOwnerOnly(file)) {
                    Files.writeString(file, AesGcmTokenSealer.newBase64Key() + "\n", StandardCharsets.US_ASCII);
                    LOG.info("generated a new token sealing key in {}; back it up with the database",
                            file.toAbsolutePath());
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the sealing key file " + file, e);
        }
    }

    /** Creates the empty key file, readable by its owner only; false when another process created it first. */
    private static boolean createOwnerOnly(Path file) throws IOException {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's permissions protect the key.
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
