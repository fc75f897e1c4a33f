package dev.tokenservice.http.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import dev.tokenservice.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing-key file: what a restart reads back, what an operator may write, and who may read it. */
class KeyRingFileTest {
    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.start();

    @Test
    void saveThenLoadReturnsTheSameRing() throws Exception {
        KeyRingFile file = new KeyRingFile(folder.resolve("keys.json"));
        SigningKeys keys = SigningKeys.open(file, KeyRotationSettings.DEFAULT, clock);
        keys.rotate();

        KeyRing loaded = file.load();

        assertThat(loaded).isEqualTo(keys.ring());
        assertThat(loaded.keys()).hasSize(2).allSatisfy(key -> assertThat(key.jwk().isPrivate()).isTrue());
    }

    @Test
    void saveThenTheFileIsReadableByItsOwnerOnly() throws Exception {
        Path path = folder.resolve("keys.json");
        SigningKeys.open(new KeyRingFile(path), KeyRotationSettings.DEFAULT, clock);

        assertThat(Files.getPosixFilePermissions(path))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.list(folder)).containsExactly(path);
    }

    @Test
    void loadWhenAnOperatorWroteAKeyWithoutScheduleThenItSignsAtOnce() throws Exception {
        JWK operatorKey = SigningAlgorithm.RS256.generate("operator-2026");
        Path path = folder.resolve("keys.json");
        Files.writeString(path, "{\"keys\": [{\"jwk\": " + operatorKey.toJSONString() + "}]}", StandardCharsets.UTF_8);

        SigningKeys keys = SigningKeys.open(new KeyRingFile(path), KeyRotationSettings.DEFAULT, clock);

        SigningKey signing = keys.signingFor(clock.instant().plus(Duration.ofMinutes(5))).key();
        assertThat(signing.keyId()).isEqualTo("operator-2026");
        assertThat(signing.algorithm()).isEqualTo(SigningAlgorithm.RS256);
    }

    @Test
    void loadWhenNoFileThenEmpty() {
        assertThat(new KeyRingFile(folder.resolve("absent.json")).load().isEmpty()).isTrue();
    }

    @Test
    void loadWhenAKeyIsPublicOnlyThenRefusedWithoutQuotingIt() throws Exception {
        JWK publicOnly = SigningAlgorithm.ES256.generate("k1").toPublicJWK();
        Path path = folder.resolve("keys.json");
        Files.writeString(path, "{\"keys\": [{\"jwk\": " + publicOnly.toJSONString() + "}]}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new KeyRingFile(path).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no private part");
    }

    @Test
    void loadWhenNotJsonThenRefused() throws Exception {
        Path path = folder.resolve("keys.json");
        Files.writeString(path, "not json", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new KeyRingFile(path).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the signing key file is not valid");
    }

    @Test
    void keyRingWhenTwoKeysShareAnIdThenRefused() throws Exception {
        JWK jwk = SigningAlgorithm.ES256.generate("same");
        Instant now = clock.instant();

        assertThatThrownBy(() -> new KeyRing(List.of(new SigningKey(jwk, now, now),
                new SigningKey(jwk, now.plusSeconds(1), now.plusSeconds(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
