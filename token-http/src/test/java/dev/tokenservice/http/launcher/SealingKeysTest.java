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
}
