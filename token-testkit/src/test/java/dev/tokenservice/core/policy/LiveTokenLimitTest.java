package dev.tokenservice.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthFailures;
import dev.tokenservice.core.TokenRequests;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.TokenServices;
import dev.tokenservice.core.crypto.AesGcmTokenSealer;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.SequentialTokenValueGenerator;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How many live tokens one holder keeps under each {@link LiveTokenLimit}. */
class LiveTokenLimitTest {
    private final Client client = TestClients.confidential().build();
    private final Client publicClient = TestClients.publicClient().build();
    private final Client passwordOnly = Client.builder("password-only")
            .secretHash(client.secretHash())
            .grantTypes(GrantType.PASSWORD)
            .allowedScopes(client.allowedScopes())
            .defaultScopes(client.defaultScopes())
            .build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client, publicClient, passwordOnly)
            .with(TestUsers.alice(), TestUsers.bob());

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private TokenServices.Builder coreWith(LiveTokenLimit limit) {
        return ports.coreBuilder().issuance(IssuanceSettings.DEFAULT.withLiveTokenLimit(limit));
    }

    private static TokenResponse aliceLogin(TokenService service, Client as) {
        return service.issue(TokenRequests.password(as, TestUsers.ALICE, TestUsers.ALICE_PASSWORD));
    }

    @Nested
    class NewPerRequest {
        private final TokenService service = coreWith(LiveTokenLimit.NEW_PER_REQUEST).build().tokenService();

        @Test
        void issueWhenAskedTwiceThenReturnsTwoDifferentTokens() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client));

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        }

        @Test
        void issueWhenAskedAgainThenEarlierAccessTokenStaysLive() {
            TokenResponse first = aliceLogin(service, client);

            TokenResponse second = aliceLogin(service, client);

            assertThat(service.verifyAccessToken(first.accessToken())).isPresent();
            assertThat(service.verifyAccessToken(second.accessToken())).isPresent();
        }

        @Test
        void issueWhenAskedAgainThenEarlierRefreshTokenStaysUsable() {
            TokenResponse first = aliceLogin(service, client);

            aliceLogin(service, client);

            assertThat(service.issue(TokenRequests.refresh(client, first.refreshToken())).refreshToken())
                    .isNotNull();
        }
    }

    @Nested
    class ReplacePrevious {
        private final TokenService service = coreWith(LiveTokenLimit.REPLACE_PREVIOUS).build().tokenService();

        @Test
        void issueWhenHolderAsksAgainThenEarlierAccessTokenIsRevoked() {
            TokenResponse first = aliceLogin(service, client);

            aliceLogin(service, client);

            assertThat(service.verifyAccessToken(first.accessToken())).isEmpty();
        }

        @Test
        void issueWhenHolderAsksAgainThenEarlierRefreshTokenIsRevoked() {
            TokenResponse first = aliceLogin(service, client);

            aliceLogin(service, client);

            assertThat(OAuthFailures.errorOf(
                    () -> service.issue(TokenRequests.refresh(client, first.refreshToken()))))
                    .isEqualTo(OAuthError.INVALID_GRANT);
        }

        @Test
        void issueWhenTheNewTokensCannotBeStoredThenTheEarlierOnesStayLive() {
            service.issue(TokenRequests.clientCredentials(client));
            TokenResponse first = aliceLogin(service, client);
            // A second generator starts over at token-1, the client's own token: the save fails on its digest.
            TokenService clashing = coreWith(LiveTokenLimit.REPLACE_PREVIOUS)
                    .valueGenerator(new SequentialTokenValueGenerator()).build().tokenService();

            assertThatThrownBy(() -> aliceLogin(clashing, client)).isInstanceOf(StorageException.class);

            assertThat(service.verifyAccessToken(first.accessToken())).isPresent();
            assertThat(service.introspect(TokenRequests.introspection(client, first.refreshToken())).active()).isTrue();
        }

        @Test
        void issueWhenHolderAsksAgainThenNewTokensAreLive() {
            aliceLogin(service, client);

            TokenResponse second = aliceLogin(service, client);

            assertThat(service.verifyAccessToken(second.accessToken())).isPresent();
            assertThat(service.introspect(TokenRequests.introspection(client, second.refreshToken())).active()).isTrue();
        }

        @Test
        void issueWhenHolderAsksAgainThenAnotherUsersTokensStayLive() {
            TokenResponse bobs = service.issue(TokenRequests.password(client, TestUsers.BOB, TestUsers.BOB_PASSWORD));
            aliceLogin(service, client);

            aliceLogin(service, client);

            assertThat(service.verifyAccessToken(bobs.accessToken())).isPresent();
            assertThat(service.introspect(TokenRequests.introspection(client, bobs.refreshToken())).active()).isTrue();
        }

        @Test
        void issueWhenHolderAsksAgainThenSameUserWithAnotherClientStaysLive() {
            TokenResponse viaPublicClient = aliceLogin(service, publicClient);
            aliceLogin(service, client);

            aliceLogin(service, client);

            assertThat(service.verifyAccessToken(viaPublicClient.accessToken())).isPresent();
        }

        @Test
        void issueWhenUserAsksAgainThenTheClientsOwnTokenStaysLive() {
            TokenResponse clientOwn = service.issue(TokenRequests.clientCredentials(client));
            aliceLogin(service, client);

            aliceLogin(service, client);

            assertThat(service.verifyAccessToken(clientOwn.accessToken())).isPresent();
        }

        @Test
        void issueWhenClientAsksAgainThenItsEarlierOwnTokenIsRevoked() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));

            service.issue(TokenRequests.clientCredentials(client));

            assertThat(service.verifyAccessToken(first.accessToken())).isEmpty();
        }

        @Test
        void issueWhenHolderAsksAgainThenRecordsRevokedAsReplaced() {
            aliceLogin(service, client);

            aliceLogin(service, client);

            assertThat(ports.events().assertHeard(Revoked.class, 1))
                    .containsExactly(new Revoked(RevocationCause.REPLACED_BY_NEW_TOKEN, 2, null,
                            HolderSelector.pair(client.clientId(), TestUsers.ALICE), null, null));
        }

        @Test
        void issueWhenHolderHasNoTokenThenRecordsNoRevocation() {
            aliceLogin(service, client);

            ports.events().assertNotHeard(Revoked.class);
        }
    }

    @Nested
    class ReuseLive {
        private final byte[] key = randomKey();
        private final TokenService service =
                coreWith(LiveTokenLimit.REUSE_LIVE).sealer(new AesGcmTokenSealer(key)).build().tokenService();

        @Test
        void issueWhenSealingKeyRotatedWithTheOldKeyStillInTheRingThenReturnsTheSameValue() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));
            TokenService rotated = coreWith(LiveTokenLimit.REUSE_LIVE)
                    .sealer(new AesGcmTokenSealer(List.of(randomKey(), key))).build().tokenService();

            TokenResponse second = rotated.issue(TokenRequests.clientCredentials(client));

            assertThat(second.accessToken()).isEqualTo(first.accessToken());
        }

        @Test
        void buildWhenNoSealerThenIllegalStateException() {
            TokenServices.Builder builder = coreWith(LiveTokenLimit.REUSE_LIVE);

            assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void issueWhenMoreThanHalfTheLifetimeRemainsThenReturnsTheSameValue() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));
            ports.clock().advance(Duration.ofMinutes(10));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client));

            assertThat(second.accessToken()).isEqualTo(first.accessToken());
        }

        @Test
        void issueWhenTokenIsHandedBackThenExpiresInIsWhatRemains() {
            service.issue(TokenRequests.clientCredentials(client));
            ports.clock().advance(Duration.ofMinutes(10));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client));

            assertThat(second.expiresIn()).isEqualTo(Duration.ofMinutes(50));
        }

        @Test
        void issueWhenTokenIsHandedBackThenExpiresInRoundsDownToWholeSeconds() {
            service.issue(TokenRequests.clientCredentials(client));
            ports.clock().advance(Duration.ofMinutes(10).plusMillis(500));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client));

            assertThat(second.expiresIn()).isEqualTo(Duration.ofMinutes(50).minusSeconds(1));
        }

        @Test
        void issueWhenExactlyHalfTheLifetimeRemainsThenReturnsTheSameValue() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));
            ports.clock().advance(Duration.ofMinutes(30));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client));

            assertThat(second.accessToken()).isEqualTo(first.accessToken());
            assertThat(second.expiresIn()).isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void issueWhenLessThanHalfTheLifetimeRemainsThenReturnsANewValueWithFullLifetime() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));
            ports.clock().advance(Duration.ofMinutes(30).plusMillis(1));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client));

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(second.expiresIn()).isEqualTo(TokenLifetimes.DEFAULT.accessToken());
        }

        @Test
        void issueWhenTokenIsHandedBackThenStoresNoSecondToken() {
            service.issue(TokenRequests.clientCredentials(client));

            service.issue(TokenRequests.clientCredentials(client));

            assertThat(ports.tokens().size()).isEqualTo(1);
        }

        @Test
        void issueWhenARefreshTokenWouldBeIssuedThenReturnsANewValue() {
            TokenResponse first = aliceLogin(service, client);

            TokenResponse second = aliceLogin(service, client);

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        }

        @Test
        void issueWhenClientMayNotRefreshThenHandsBackTheUsersLiveToken() {
            TokenResponse first = aliceLogin(service, passwordOnly);

            TokenResponse second = aliceLogin(service, passwordOnly);

            assertThat(second.accessToken()).isEqualTo(first.accessToken());
        }

        @Test
        void issueWhenAnotherUserAsksThenReturnsANewValue() {
            TokenResponse alices = aliceLogin(service, passwordOnly);

            TokenResponse bobs = service.issue(
                    TokenRequests.password(passwordOnly, TestUsers.BOB, TestUsers.BOB_PASSWORD));

            assertThat(bobs.accessToken()).isNotEqualTo(alices.accessToken());
        }

        @Test
        void issueWhenScopeDiffersThenReturnsANewValue() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client, "read"));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client, "read write"));

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        }

        @Test
        void issueWhenLiveTokenWasRevokedThenReturnsANewValue() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));
            service.revoke(new RevocationRequest(TestClients.credentials(client), first.accessToken()));

            TokenResponse second = service.issue(TokenRequests.clientCredentials(client));

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(service.verifyAccessToken(second.accessToken())).isPresent();
        }

        @Test
        void issueWhenLiveTokenWasSealedUnderAnotherKeyThenReturnsANewValue() {
            TokenResponse first = service.issue(TokenRequests.clientCredentials(client));
            TokenService rekeyed =
                    coreWith(LiveTokenLimit.REUSE_LIVE).sealer(new AesGcmTokenSealer(randomKey())).build().tokenService();

            TokenResponse second = rekeyed.issue(TokenRequests.clientCredentials(client));

            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        }
    }
}
