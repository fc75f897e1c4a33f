package dev.tokenservice.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.tokenservice.core.OAuthFailures.errorOf;
import static dev.tokenservice.core.OAuthFailures.failureOf;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.RetiredSecret;
import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.core.port.TokenEventListener.Party;
import dev.tokenservice.core.model.ThrottleKey;
import dev.tokenservice.core.policy.ThrottleSettings;
import dev.tokenservice.testkit.InMemoryClientStore;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.RecordingEventListener;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestHashers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {
    private static final ClientSecret RIGHT_SECRET = ClientSecret.of(TestClients.SECRET);
    private static final ClientSecret WRONG_SECRET = ClientSecret.of("not-the-secret");
    private static final ClientId UNKNOWN_ID = ClientId.of("unknown-client");

    private final Client confidential = TestClients.confidential().build();
    private final Client publicClient = TestClients.publicClient().build();
    private final CountingSecretHasher hasher = new CountingSecretHasher(TestHashers.fast());
    private final RecordingEventListener events = new RecordingEventListener();
    private final MutableClock clock = MutableClock.start();
    private final InMemoryThrottleStore throttleStore = new InMemoryThrottleStore();
    private final ClientAuthenticator authenticator = new ClientAuthenticator(
            InMemoryClientStore.of(confidential, publicClient), hasher, events,
            new AuthenticationThrottle(throttleStore, ThrottleSettings.DEFAULT, clock), clock);

    @Test
    void authenticateWhenSecretSentInBodyIsRightThenReturnsClient() {
        ClientAuthentication presented = ClientAuthentication.post(confidential.clientId(), RIGHT_SECRET);

        Client authenticated = authenticator.authenticate(presented);

        assertThat(authenticated).isEqualTo(confidential);
    }

    @Test
    void authenticateWhenSecretSentWithBasicIsRightThenReturnsClient() {
        ClientAuthentication presented = ClientAuthentication.basic(confidential.clientId(), RIGHT_SECRET);

        Client authenticated = authenticator.authenticate(presented);

        assertThat(authenticated).isEqualTo(confidential);
    }

    @Test
    void authenticateWhenClientIsUnknownThenInvalidClient() {
        ClientAuthentication presented = ClientAuthentication.post(UNKNOWN_ID, RIGHT_SECRET);

        OAuthError error = errorOf(() -> authenticator.authenticate(presented));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenSecretIsWrongThenInvalidClient() {
        ClientAuthentication presented = ClientAuthentication.post(confidential.clientId(), WRONG_SECRET);

        OAuthError error = errorOf(() -> authenticator.authenticate(presented));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenSecretIsEmptyThenInvalidClient() {
        ClientAuthentication presented = ClientAuthentication.post(confidential.clientId(), ClientSecret.of(""));

        OAuthError error = errorOf(() -> authenticator.authenticate(presented));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenClientIsUnknownThenFailsExactlyLikeWrongSecret() {
        ClientAuthentication unknown = ClientAuthentication.post(UNKNOWN_ID, RIGHT_SECRET);
        ClientAuthentication wrongSecret = ClientAuthentication.post(confidential.clientId(), WRONG_SECRET);

        OAuthException unknownFailure = failureOf(() -> authenticator.authenticate(unknown));
        OAuthException wrongSecretFailure = failureOf(() -> authenticator.authenticate(wrongSecret));

        assertThat(unknownFailure.error()).isEqualTo(wrongSecretFailure.error());
        assertThat(unknownFailure.description()).isEqualTo(wrongSecretFailure.description());
    }

    @Test
    void authenticateWhenClientIsUnknownThenVerifiesOneSecretOfTheGeneratedSecretScheme() {
        ClientAuthentication presented = ClientAuthentication.post(UNKNOWN_ID, RIGHT_SECRET);

        failureOf(() -> authenticator.authenticate(presented));

        assertThat(hasher.verifiedSchemes()).containsExactly(confidential.secretHash().scheme());
    }

    @Test
    void authenticateWhenSecretIsWrongThenVerifiesOneSecretOfTheGeneratedSecretScheme() {
        ClientAuthentication presented = ClientAuthentication.post(confidential.clientId(), WRONG_SECRET);

        failureOf(() -> authenticator.authenticate(presented));

        assertThat(hasher.verifiedSchemes()).containsExactly(confidential.secretHash().scheme());
    }

    @Test
    void authenticateWhenSecretIsRightThenVerifiesOneSecret() {
        ClientAuthentication presented = ClientAuthentication.post(confidential.clientId(), RIGHT_SECRET);

        authenticator.authenticate(presented);

        assertThat(hasher.verifications()).isEqualTo(1);
    }

    @Test
    void authenticateWhenPublicClientSendsNoSecretThenReturnsClient() {
        ClientAuthentication presented = ClientAuthentication.none(publicClient.clientId());

        Client authenticated = authenticator.authenticate(presented);

        assertThat(authenticated).isEqualTo(publicClient);
    }

    @Test
    void authenticateWhenPublicClientSendsNoSecretThenVerifiesOneSecret() {
        ClientAuthentication presented = ClientAuthentication.none(publicClient.clientId());

        authenticator.authenticate(presented);

        assertThat(hasher.verifications()).isEqualTo(1);
    }

    @Test
    void authenticateWhenPublicClientSendsSecretThenInvalidClient() {
        ClientAuthentication presented = ClientAuthentication.post(publicClient.clientId(), RIGHT_SECRET);

        OAuthError error = errorOf(() -> authenticator.authenticate(presented));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenPublicClientSendsSecretThenVerifiesOneSecret() {
        ClientAuthentication presented = ClientAuthentication.basic(publicClient.clientId(), RIGHT_SECRET);

        failureOf(() -> authenticator.authenticate(presented));

        assertThat(hasher.verifications()).isEqualTo(1);
    }

    @Test
    void authenticateWhenConfidentialClientSendsNoSecretThenInvalidClient() {
        ClientAuthentication presented = ClientAuthentication.none(confidential.clientId());

        OAuthError error = errorOf(() -> authenticator.authenticate(presented));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenConfidentialClientSendsNoSecretThenVerifiesOneSecret() {
        ClientAuthentication presented = ClientAuthentication.none(confidential.clientId());

        failureOf(() -> authenticator.authenticate(presented));

        assertThat(hasher.verifications()).isEqualTo(1);
    }

    @Test
    void authenticateWhenUnknownClientSendsNoSecretThenInvalidClient() {
        ClientAuthentication presented = ClientAuthentication.none(UNKNOWN_ID);

        OAuthError error = errorOf(() -> authenticator.authenticate(presented));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenFailedThenRecordsAuthenticationFailedForTheClaimedClient() {
        ClientAuthentication presented = ClientAuthentication.post(confidential.clientId(), WRONG_SECRET);

        failureOf(() -> authenticator.authenticate(presented));

        assertThat(events.assertHeard(AuthenticationFailed.class, 1))
                .containsExactly(new AuthenticationFailed(Party.CLIENT, confidential.clientId().value()));
    }

    @Test
    void authenticateWhenClientIsUnknownThenRecordsAuthenticationFailed() {
        ClientAuthentication presented = ClientAuthentication.post(UNKNOWN_ID, RIGHT_SECRET);

        failureOf(() -> authenticator.authenticate(presented));

        assertThat(events.assertHeard(AuthenticationFailed.class, 1))
                .containsExactly(new AuthenticationFailed(Party.CLIENT, UNKNOWN_ID.value()));
    }

    @Test
    void authenticateWhenSucceededThenRecordsNothing() {
        ClientAuthentication presented = ClientAuthentication.basic(confidential.clientId(), RIGHT_SECRET);

        authenticator.authenticate(presented);

        assertThat(events.events()).isEmpty();
    }

    @Test
    void authenticateWhenRetiredSecretWithinGraceThenReturnsClient() {
        Client rotated = rotatedWithGrace(Duration.ofMinutes(10));
        ClientAuthenticator withRotation = new ClientAuthenticator(InMemoryClientStore.of(rotated), hasher, events,
                new AuthenticationThrottle(new InMemoryThrottleStore(), ThrottleSettings.DEFAULT, clock), clock);
        clock.advance(Duration.ofMinutes(10).minusMillis(1));

        Client authenticated = withRotation.authenticate(ClientAuthentication.post(rotated.clientId(), RIGHT_SECRET));

        assertThat(authenticated).isEqualTo(rotated);
    }

    @Test
    void authenticateWhenRetiredSecretAfterGraceThenInvalidClient() {
        Client rotated = rotatedWithGrace(Duration.ofMinutes(10));
        ClientAuthenticator withRotation = new ClientAuthenticator(InMemoryClientStore.of(rotated), hasher, events,
                new AuthenticationThrottle(new InMemoryThrottleStore(), ThrottleSettings.DEFAULT, clock), clock);
        clock.advance(Duration.ofMinutes(10));

        OAuthError error = errorOf(() -> withRotation.authenticate(
                ClientAuthentication.post(rotated.clientId(), RIGHT_SECRET)));

        assertThat(error).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void authenticateWhenNewSecretDuringGraceThenReturnsClient() {
        Client rotated = rotatedWithGrace(Duration.ofMinutes(10));
        ClientAuthenticator withRotation = new ClientAuthenticator(InMemoryClientStore.of(rotated), hasher, events,
                new AuthenticationThrottle(new InMemoryThrottleStore(), ThrottleSettings.DEFAULT, clock), clock);

        Client authenticated = withRotation.authenticate(
                ClientAuthentication.post(rotated.clientId(), ClientSecret.of("the-new-secret")));

        assertThat(authenticated).isEqualTo(rotated);
    }

    /** The confidential client after a rotation to {@code the-new-secret}, its old secret retired for {@code grace}. */
    private Client rotatedWithGrace(Duration grace) {
        return confidential.toBuilder()
                .secretHash(TestHashers.fast().hash("the-new-secret"))
                .retiredSecret(new RetiredSecret(confidential.secretHash(), clock.instant().plus(grace)))
                .build();
    }

    private void failTimes(ClientId clientId, int times) {
        for (int i = 0; i < times; i++) {
            failureOf(() -> authenticator.authenticate(ClientAuthentication.post(clientId, WRONG_SECRET)));
        }
    }

    @Test
    void authenticateWhenFailuresReachTheThresholdThenThrottledBeforeAnySecretIsChecked() {
        failTimes(confidential.clientId(), ThrottleSettings.DEFAULT.failures());
        int verifications = hasher.verifications();

        OAuthException refused = failureOf(() -> authenticator.authenticate(
                ClientAuthentication.post(confidential.clientId(), RIGHT_SECRET)));

        assertThat(refused.error()).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE);
        assertThat(refused.retryAfter()).isEqualTo(ThrottleSettings.DEFAULT.firstDelay());
        assertThat(hasher.verifications()).isEqualTo(verifications);
    }

    @Test
    void authenticateWhenUnknownClientFailsAsOftenThenThrottledLikeAKnownClient() {
        failTimes(UNKNOWN_ID, ThrottleSettings.DEFAULT.failures());

        OAuthException refused = failureOf(() -> authenticator.authenticate(
                ClientAuthentication.post(UNKNOWN_ID, RIGHT_SECRET)));

        assertThat(refused.error()).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE);
        assertThat(refused.retryAfter()).isEqualTo(ThrottleSettings.DEFAULT.firstDelay());
    }

    @Test
    void authenticateWhenThrottledAttemptIsRefusedThenItIsNotCounted() {
        failTimes(confidential.clientId(), ThrottleSettings.DEFAULT.failures());

        failTimes(confidential.clientId(), 10);

        assertThat(throttleStore.find(ThrottleKey.client(confidential.clientId())).orElseThrow().failures())
                .isEqualTo(ThrottleSettings.DEFAULT.failures());
    }

    @Test
    void authenticateWhenWaitIsOverThenRightSecretIsAcceptedAndFailuresAreForgotten() {
        failTimes(confidential.clientId(), ThrottleSettings.DEFAULT.failures());
        clock.advance(ThrottleSettings.DEFAULT.firstDelay());

        Client authenticated = authenticator.authenticate(
                ClientAuthentication.post(confidential.clientId(), RIGHT_SECRET));

        assertThat(authenticated).isEqualTo(confidential);
        assertThat(throttleStore.find(ThrottleKey.client(confidential.clientId()))).isEmpty();
    }

    @Test
    void authenticateWhenAnotherClientIsThrottledThenThisOneIsNot() {
        failTimes(UNKNOWN_ID, ThrottleSettings.DEFAULT.failures());

        Client authenticated = authenticator.authenticate(
                ClientAuthentication.post(confidential.clientId(), RIGHT_SECRET));

        assertThat(authenticated).isEqualTo(confidential);
    }

    @Test
    void authenticateWhenFailingAfterEachWaitThenWaitDoublesUpToTheLongest() {
        failTimes(confidential.clientId(), ThrottleSettings.DEFAULT.failures());
        Duration wait = ThrottleSettings.DEFAULT.firstDelay();
        for (int i = 0; i < 12; i++) {
            clock.advance(wait);
            failTimes(confidential.clientId(), 1);
            wait = wait.multipliedBy(2).compareTo(ThrottleSettings.DEFAULT.maxDelay()) > 0
                    ? ThrottleSettings.DEFAULT.maxDelay() : wait.multipliedBy(2);
        }

        OAuthException refused = failureOf(() -> authenticator.authenticate(
                ClientAuthentication.post(confidential.clientId(), RIGHT_SECRET)));

        assertThat(refused.retryAfter()).isEqualTo(ThrottleSettings.DEFAULT.maxDelay());
    }
}
