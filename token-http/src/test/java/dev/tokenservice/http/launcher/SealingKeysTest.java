package dev.tokenservice.http.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenSealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingKeysTest {
    @TempDir
    Path dataDir;

    private ServerConfig config(String key) {
        return ServerConfig.ephemeral().withSealingKey(key).withDataDir(dataDir);
    }

    @Test
    void sealerWhenOffThenNone() {
        assertThat(SealingKeys.sealer(config("off"))).isSameAs(TokenSealer.NONE);
    }

    @Test
    void sealerWhenKeyConfiguredThenOpensWhatThatKeySealed() {
        String key = AesGcmTokenSealer.newBase64Key();
        SealedToken sealed = AesGcmTokenSealer.fromBase64(key).seal(TokenValue.of("value")).orElseThrow();

        assertThat(SealingKeys.sealer(config(key)).unseal(sealed)).contains(TokenValue.of("value"));
    }

    @Test
    void sealerWhenNoKeyThenGeneratesOwnerOnlyFileAndReusesIt() throws IOException {
        SealedToken sealed = SealingKeys.sealer(config(null)).seal(TokenValue.of("value")).orElseThrow();

        TokenSealer again = SealingKeys.sealer(config(null));

        assertThat(again.unseal(sealed)).contains(TokenValue.of("value"));
        Path file = dataDir.resolve(SealingKeys.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void sealerWhenKeyMalformedThenRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SealingKeys.sealer(config("c2hvcnQ=")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOKEN_SEALING_KEY").hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void sealerWhenSeveralKeysConfiguredThenTheFirstSealsAndEveryOneOpens() {
        String newKey = AesGcmTokenSealer.newBase64Key();
        String oldKey = AesGcmTokenSealer.newBase64Key();
        SealedToken old = AesGcmTokenSealer.fromBase64(oldKey).seal(TokenValue.of("old")).orElseThrow();

        TokenSealer ring = SealingKeys.sealer(config(newKey + "," + oldKey));

        assertThat(ring.unseal(old)).contains(TokenValue.of("old"));
        assertThat(AesGcmTokenSealer.fromBase64(newKey).unseal(ring.seal(TokenValue.of("new")).orElseThrow()))
                .contains(TokenValue.of("new"));
    }

    @Test
    void sealerWhenKeyFileHoldsOneKeyPerLineThenTheFirstSealsAndEveryOneOpens() throws IOException {
        String newKey = AesGcmTokenSealer.newBase64Key();
        String oldKey = AesGcmTokenSealer.newBase64Key();
        Files.writeString(dataDir.resolve(SealingKeys.KEY_FILE), newKey + "\n" + oldKey + "\n");
        SealedToken old = AesGcmTokenSealer.fromBase64(oldKey).seal(TokenValue.of("old")).orElseThrow();

        TokenSealer ring = SealingKeys.sealer(config(null));

        assertThat(ring.unseal(old)).contains(TokenValue.of("old"));
        assertThat(AesGcmTokenSealer.fromBase64(newKey).unseal(ring.seal(TokenValue.of("new")).orElseThrow()))
                .contains(TokenValue.of("new"));
    }

    @Test
    void sealerWhenAKeyIsGivenTwiceThenRefusedWithoutEchoingIt() {
        String key = AesGcmTokenSealer.newBase64Key();

        assertThatThrownBy(() -> SealingKeys.sealer(config(key + "," + key)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOKEN_SEALING_KEY").hasMessageNotContaining(key);
    }
}
