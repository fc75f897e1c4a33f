package dev.tokenservice.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenSealerTest {

    @Test
    void sealWhenSealingOffThenEmpty() {
        TokenSealer sealer = TokenSealer.NONE;

        Optional<SealedToken> sealed = sealer.seal(TokenValue.of("value"));

        assertThat(sealed).isEmpty();
    }

    @Test
    void unsealWhenSealingOffThenEmpty() {
        TokenSealer sealer = TokenSealer.NONE;

        Optional<TokenValue> unsealed = sealer.unseal(new SealedToken("v1.AAAA"));

        assertThat(unsealed).isEmpty();
    }

    @Test
    void isEnabledWhenSealingOffThenFalse() {
        TokenSealer sealer = TokenSealer.NONE;

        boolean enabled = sealer.isEnabled();

        assertThat(enabled).isFalse();
    }
}
