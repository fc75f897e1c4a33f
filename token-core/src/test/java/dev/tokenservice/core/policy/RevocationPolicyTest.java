package dev.tokenservice.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationPolicyTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final FamilyId FAMILY = FamilyId.of("f1");

    private static RefreshToken refresh() {
        return new RefreshToken(TokenId.of("r1"), TokenDigest.of(TokenValue.of("refresh")), ClientId.of("web.app"),
                Username.of("jane"), Scope.EMPTY, NOW, NOW.plusSeconds(60), FAMILY, true);
    }

    private static AccessToken access(FamilyId family) {
        return new AccessToken(TokenId.of("a1"), TokenDigest.of(TokenValue.of("access")), null,
                ClientId.of("web.app"), Username.of("jane"), Scope.EMPTY, NOW, NOW.plusSeconds(60), family);
    }

    @Test
    void familyToRevokeOnReuseWhenEnabledThenTheTokensFamily() {
        RevocationPolicy policy = new RevocationPolicy(new RevocationSettings(true, false));

        Optional<FamilyId> family = policy.familyToRevokeOnReuse(refresh());

        assertThat(family).contains(FAMILY);
    }

    @Test
    void familyToRevokeOnReuseWhenDisabledThenEmpty() {
        RevocationPolicy policy = new RevocationPolicy(new RevocationSettings(false, true));

        Optional<FamilyId> family = policy.familyToRevokeOnReuse(refresh());

        assertThat(family).isEmpty();
    }

    @Test
    void familyToRevokeWithAccessTokenWhenEnabledThenItsFamily() {
        RevocationPolicy policy = new RevocationPolicy(new RevocationSettings(false, true));

        Optional<FamilyId> family = policy.familyToRevokeWith(access(FAMILY));

        assertThat(family).contains(FAMILY);
    }

    @Test
    void familyToRevokeWithAccessTokenWhenEnabledButNoFamilyThenEmpty() {
        RevocationPolicy policy = new RevocationPolicy(new RevocationSettings(false, true));

        Optional<FamilyId> family = policy.familyToRevokeWith(access(null));

        assertThat(family).isEmpty();
    }

    @Test
    void familyToRevokeWithAccessTokenWhenDisabledThenEmpty() {
        RevocationPolicy policy = new RevocationPolicy(new RevocationSettings(true, false));

        Optional<FamilyId> family = policy.familyToRevokeWith(access(FAMILY));

        assertThat(family).isEmpty();
    }

    @Test
    void familyToRevokeWithRefreshTokenWhenEverythingDisabledThenStillItsFamily() {
        RevocationPolicy policy = new RevocationPolicy(new RevocationSettings(false, false));

        FamilyId family = policy.familyToRevokeWith(refresh());

        assertThat(family).isEqualTo(FAMILY);
    }

    @Test
    void defaultSettingsWhenReadThenRevokeOnReuseOnly() {
        RevocationSettings settings = RevocationSettings.DEFAULT;

        boolean onReuse = settings.revokeFamilyOnReuse();

        assertThat(onReuse).isTrue();
        assertThat(settings.revokeFamilyWithAccessToken()).isFalse();
    }
}
