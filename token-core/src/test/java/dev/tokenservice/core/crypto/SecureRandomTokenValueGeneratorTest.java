package dev.tokenservice.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.TokenValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomTokenValueGeneratorTest {
    private final SecureRandomTokenValueGenerator generator = new SecureRandomTokenValueGenerator(Clock.systemUTC());

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
    void newIdWhenCalledThenTwentySixCrockfordBase32CharactersStartingWithTheTime() {
        Instant now = Instant.parse("2030-01-01T00:00:00.123Z");

        String id = new SecureRandomTokenValueGenerator(Clock.fixed(now, ZoneOffset.UTC)).newId();

        assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}");
        long millis = 0;
        for (char c : id.substring(0, 10).toCharArray()) {
            millis = millis * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c);
        }
        assertThat(millis).isEqualTo(now.toEpochMilli());
    }

    @Test
    void newIdWhenMadeInALaterMillisecondThenSortsAfter() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        String first = new SecureRandomTokenValueGenerator(Clock.fixed(now, ZoneOffset.UTC)).newId();

        String later = new SecureRandomTokenValueGenerator(Clock.fixed(now.plusMillis(1), ZoneOffset.UTC)).newId();

        assertThat(later).isGreaterThan(first);
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
