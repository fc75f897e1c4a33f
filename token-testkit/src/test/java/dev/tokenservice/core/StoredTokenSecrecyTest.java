package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.RefreshToken;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenSealer;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store never holds a token value in clear: only digests, and for access tokens the sealed form. */
class StoredTokenSecrecyTest {
    private final Client client = TestClients.confidential().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final TokenSealer sealer = new AesGcmTokenSealer(randomKey());
    private final TokenService sealing = ports.coreBuilder().sealer(sealer).build().tokenService();
    private final TokenService digestsOnly = ports.coreBuilder().sealer(TokenSealer.NONE).build().tokenService();

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A login, a refresh and a client token: every kind of stored record, used refresh tokens included. */
    private List<TokenValue> issueEveryKind(TokenService service) {
        List<TokenValue> values = new ArrayList<>();
        TokenResponse login = service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
        TokenResponse refreshed = service.issue(TokenRequests.refresh(client, login.refreshToken()));
        TokenResponse machine = service.issue(TokenRequests.clientCredentials(client));
        values.add(login.accessToken());
        values.add(login.refreshToken());
        values.add(refreshed.accessToken());
        values.add(refreshed.refreshToken());
        values.add(machine.accessToken());
        return values;
    }

    private List<Object> storedRecords() {
        List<Object> records = new ArrayList<>(ports.tokens().accessTokens());
        records.addAll(ports.tokens().refreshTokens());
        return records;
    }

    @Test
    void issueWhenSealingOnThenNoStoredRecordHoldsAnIssuedValue() {
        List<TokenValue> issued = issueEveryKind(sealing);

        List<Object> stored = storedRecords();

        assertThat(stored).hasSize(5);
        for (TokenValue value : issued) {
            assertThat(stored).noneMatch(record -> RecordStrings.mention(record, value.value()));
        }
    }

    @Test
    void issueWhenSealingOffThenNoStoredRecordHoldsAnIssuedValue() {
        List<TokenValue> issued = issueEveryKind(digestsOnly);

        List<Object> stored = storedRecords();

        assertThat(stored).hasSize(5);
        for (TokenValue value : issued) {
            assertThat(stored).noneMatch(record -> RecordStrings.mention(record, value.value()));
        }
    }

    @Test
    void issueWhenSealingOnThenAccessTokenIsStoredUnderTheDigestOfItsValue() {
        TokenResponse response = sealing.issue(TokenRequests.clientCredentials(client));

        AccessToken stored = ports.tokens().accessTokens().get(0);

        assertThat(stored.digest()).isEqualTo(TokenDigest.of(response.accessToken()));
    }

    @Test
    void issueWhenSealingOnThenRefreshTokenIsStoredUnderTheDigestOfItsValue() {
        TokenResponse response = sealing.issue(
                TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));

        RefreshToken stored = ports.tokens().refreshTokens().get(0);

        assertThat(stored.digest()).isEqualTo(TokenDigest.of(response.refreshToken()));
    }

    @Test
    void issueWhenSealingOnThenSealedFormUnsealsToTheValue() {
        TokenResponse response = sealing.issue(TokenRequests.clientCredentials(client));

        AccessToken stored = ports.tokens().accessTokens().get(0);

        assertThat(Optional.ofNullable(stored.sealed()).flatMap(sealer::unseal)).contains(response.accessToken());
    }

    @Test
    void issueWhenSealingOnThenSealedFormDoesNotOpenUnderAnotherKey() {
        sealing.issue(TokenRequests.clientCredentials(client));

        AccessToken stored = ports.tokens().accessTokens().get(0);

        assertThat(new AesGcmTokenSealer(randomKey()).unseal(stored.sealed())).isEmpty();
    }

    @Test
    void issueWhenSealingOffThenSealedFieldIsNull() {
        digestsOnly.issue(TokenRequests.clientCredentials(client));

        AccessToken stored = ports.tokens().accessTokens().get(0);

        assertThat(stored.sealed()).isNull();
    }
}
