package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The invariants of {@link AccessToken} and {@link RefreshToken}. */
class StoredTokenTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final TokenDigest DIGEST = TokenDigest.of(TokenValue.of("value"));

    private static AccessToken access(Instant issuedAt, Instant expiresAt) {
        return new AccessToken(TokenId.of("t1"), DIGEST, null, ClientId.of("web.app"), null, Scope.EMPTY,
                issuedAt, expiresAt, null);
    }

    private static RefreshToken refresh(Instant issuedAt, Instant expiresAt) {
        return new RefreshToken(TokenId.of("r1"), DIGEST, ClientId.of("web.app"), Username.of("jane"), Scope.EMPTY,
                issuedAt, expiresAt, FamilyId.of("f1"), false);
    }

    @Test
    void accessTokenWhenExpiresAtIssuedAtThenIllegalArgument() {
        Instant issuedAt = NOW;

        assertThatIllegalArgumentException().isThrownBy(() -> access(issuedAt, issuedAt));
    }

    @Test
    void refreshTokenWhenExpiresBeforeIssuedThenIllegalArgument() {
        Instant issuedAt = NOW;

        assertThatIllegalArgumentException().isThrownBy(() -> refresh(issuedAt, issuedAt.minusSeconds(1)));
    }

    @Test
    void isLiveAtWhenJustBeforeExpiryThenTrue() {
        AccessToken token = access(NOW, NOW.plusSeconds(60));

        boolean live = token.isLiveAt(NOW.plusSeconds(60).minusNanos(1));

        assertThat(live).isTrue();
    }

    @Test
    void isLiveAtWhenAtExpiryThenFalse() {
        AccessToken token = access(NOW, NOW.plusSeconds(60));

        boolean live = token.isLiveAt(NOW.plusSeconds(60));

        assertThat(live).isFalse();
    }

    @Test
    void refreshIsLiveAtWhenAtExpiryThenFalse() {
        RefreshToken token = refresh(NOW, NOW.plusSeconds(60));

        boolean live = token.isLiveAt(NOW.plusSeconds(60));

        assertThat(live).isFalse();
    }

    @Test
    void asUsedWhenCalledThenUsedAndOtherwiseEqual() {
        RefreshToken token = refresh(NOW, NOW.plusSeconds(60));

        RefreshToken used = token.asUsed();

        assertThat(used.used()).isTrue();
        assertThat(used).usingRecursiveComparison().ignoringFields("used").isEqualTo(token);
    }

    @Test
    void summaryWhenCalledThenCarriesMetadata() {
        AccessToken token = new AccessToken(TokenId.of("t1"), DIGEST, null, ClientId.of("web.app"),
                Username.of("jane"), Scope.parse("read"), NOW, NOW.plusSeconds(60), null);

        TokenSummary summary = token.summary();

        assertThat(summary).isEqualTo(new TokenSummary(TokenId.of("t1"), ClientId.of("web.app"), Username.of("jane"),
                Scope.parse("read"), NOW, NOW.plusSeconds(60)));
    }
}
