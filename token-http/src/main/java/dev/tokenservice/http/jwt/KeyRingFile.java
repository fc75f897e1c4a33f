package dev.tokenservice.http.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signing keys in a JSON file, readable by its owner only:
 * {@code {"keys": [{"signs_from": "2026-12-07T00:00:00Z", "covers_until": "...", "jwk": {private JWK}}]}}. An operator
 * who brings a key writes such an entry ({@code signs_from} and {@code covers_until} may be left out: it signs at
 * once). Each save writes a new file and moves it into place, so a reader never sees half a file. Thread-safe.
 */
public final class KeyRingFile implements KeyRingStore {
    private final Path file;

    public KeyRingFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path path() {
        return file;
    }

    @Override
    public KeyRing load() {
        if (!Files.exists(file)) {
            return KeyRing.EMPTY;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file, e);
        }
    }

    @Override
    public synchronized void save(KeyRing ring) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = createOwnerOnly(folder);
            try {
                Files.writeString(temporary, format(ring), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key file " + file, e);
        }
    }

    private Path createOwnerOnly(Path folder) throws IOException {
        String prefix = file.getFileName() + ".";
        try {
            return Files.createTempFile(folder, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's permissions protect the keys.
            return Files.createTempFile(folder, prefix, ".tmp");
        }
    }

    static KeyRing parse(String json) {
        try {
            List<SigningKey> keys = new ArrayList<>();
            for (Map<String, Object> entry : JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(json), "keys")) {
                JWK jwk = JWK.parse(JSONObjectUtils.getJSONObject(entry, "jwk"));
                Instant signsFrom = instant(entry, "signs_from", Instant.EPOCH);
                keys.add(new SigningKey(jwk, signsFrom, instant(entry, "covers_until", signsFrom)));
            }
            return new KeyRing(keys);
        } catch (ParseException | RuntimeException e) {
            // The message names the field, never a key's value.
            throw new IllegalArgumentException("the signing key file is not valid: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Map<String, Object> entry, String name, Instant absent) throws ParseException {
        String text = JSONObjectUtils.getString(entry, name);
        return text == null ? absent : Instant.parse(text);
    }

    static String format(KeyRing ring) {
        List<Object> entries = new ArrayList<>();
        for (SigningKey key : ring.keys()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("signs_from", key.signsFrom().toString());
            entry.put("covers_until", key.coversUntil().toString());
            entry.put("jwk", key.jwk().toJSONObject());
            entries.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keys", entries);
        return JSONObjectUtils.toJSONString(document) + "\n";
    }

    @Override
    public String toString() {
        return "KeyRingFile[" + file + "]";
    }
}
