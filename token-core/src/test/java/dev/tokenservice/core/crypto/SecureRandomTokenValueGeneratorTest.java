package dev.tokenservice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.TokenValue;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomTokenValueGeneratorTest {
    private final SecureRandomTokenValueGenerator generator = new SecureRandomTokenValueGenerator();

    @Test
    void newValueWhenCalledThenFortyThreeBase64UrlCharacters() {
        SecureRandomTokenValueGenerator source = generator;

        TokenValue value = source.newValue();

        // 32 bytes = 256 bits, base64url without padding
        assertThat(value.value()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void newValueWhenCalledManyTimesThenAllDistinct() {
        Set<TokenValue> values = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            values.add(generator.newValue());
        }

        assertThat(values).hasSize(1_000);
    }

    @Test
    void newIdWhenCalledThenTwentyTwoBase64UrlCharacters() {
        SecureRandomTokenValueGenerator source = generator;

        String id = source.newId();

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void newIdWhenCalledManyTimesThenAllDistinct() {
        Set<String> ids = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            ids.add(generator.newId());
        }

        assertThat(ids).hasSize(1_000);
    }

    @Test
    void newClientSecretWhenCalledThenFortyThreeBase64UrlCharacters() {
        String secret = SecureRandomTokenValueGenerator.newClientSecret();

        String other = SecureRandomTokenValueGenerator.newClientSecret();

        assertThat(secret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(other);
    }

    @Test
    void randomBytesWhenCountGivenThenThatManyBytes() {
        int count = 12;

        byte[] bytes = SecureRandomTokenValueGenerator.randomBytes(count);

        assertThat(bytes).hasSize(12);
    }
}
