package dev.tokenservice.http.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartyToken;
import dev.tokenservice.core.port.ThirdPartyTokenException.Reason;
import dev.tokenservice.core.port.ThirdPartyTokenException;
import dev.tokenservice.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FacebookTokenVerifierTest {
    private static final String USER_ID = "10158000000000001";

    private final FacebookGraphStub graph = new FacebookGraphStub();
    private final MutableClock clock = MutableClock.start();
    private final Instant inAnHour = clock.instant().plusSeconds(3600);
    private FacebookTokenVerifier verifier = new FacebookTokenVerifier(graph.settings(true),
            new ProviderHttpClient(Duration.ofSeconds(5)), clock);

    @AfterEach
    void stopGraph() {
        graph.close();
    }

    private Reason failureOf(String token) {
        ThirdPartyTokenException thrown = catchThrowableOfType(ThirdPartyTokenException.class,
                () -> verifier.verify(ThirdPartyToken.of(token)));
        assertThat(thrown).as("a ThirdPartyTokenException").isNotNull();
        assertThat(thrown.description()).doesNotContain(token).doesNotContain(FacebookGraphStub.APP_SECRET);
        return thrown.reason();
    }

    @Test
    void verifyWhenValidUserTokenOfOurAppThenIdentityWithNameAndEmail() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", "jane@example.com");

        ThirdPartyIdentity identity = verifier.verify(ThirdPartyToken.of(token));

        assertThat(identity.provider()).isEqualTo("facebook");
        assertThat(identity.subject().subject()).isEqualTo(USER_ID);
        assertThat(identity.displayName()).isEqualTo("Jane Doe");
        assertThat(identity.verifiedEmail()).isEqualTo("jane@example.com");
    }

    @Test
    void verifyWhenUserSharedNoEmailThenIdentityWithoutEmail() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);

        assertThat(verifier.verify(ThirdPartyToken.of(token)).verifiedEmail()).isNull();
    }

    @Test
    void verifyWhenTokenNeverExpiresThenAccepted() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, null, "Jane Doe", null);

        assertThat(verifier.verify(ThirdPartyToken.of(token)).subject().subject()).isEqualTo(USER_ID);
    }

    @Test
    void verifyWhenTokenOfAnotherAppThenRejected() {
        String token = graph.issue(FacebookGraphStub.OTHER_APP_ID, USER_ID, inAnHour, "Jane Doe", null);

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenTokenExpiredThenRejected() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        clock.advance(Duration.ofHours(1));

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenTokenUnknownToFacebookThenRejected() {
        assertThat(failureOf("EAAB-made-up")).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenMeNamesAnotherUserThenRejected() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        graph.answerMeWithId("10158000000000002");

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenOurAppSecretIsWrongThenRejectedWithoutReadingTheUser() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        verifier = new FacebookTokenVerifier(
                new FacebookSettings(FacebookGraphStub.APP_ID, "wrong-secret", graph.settings(true).graphUri(), true),
                new ProviderHttpClient(Duration.ofSeconds(5)), clock);

        Reason reason = failureOf(token);

        assertThat(reason).isEqualTo(Reason.REJECTED);
        assertThat(graph.requests()).isEqualTo(1);
    }

    @Test
    void verifyWhenExpiryBeyondTheLastInstantThenNotExpired() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        graph.answerDebugWith("{\"data\":{\"is_valid\":true,\"app_id\":\"1234567890\",\"type\":\"USER\","
                + "\"expires_at\":9223372036854775807,\"user_id\":\"" + USER_ID + "\"}}");

        assertThat(verifier.verify(ThirdPartyToken.of(token)).subject().subject()).isEqualTo(USER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "1", "\"x\"", "{}", "{\"data\":null}", "{\"data\":[]}", "{\"data\":\"x\"}",
        "{\"data\":{\"is_valid\":\"yes\"}}", "{\"data\":{\"is_valid\":true,\"app_id\":[\"1234567890\"]}}",
        "{\"data\":{\"is_valid\":true,\"app_id\":\"1234567890\",\"type\":\"USER\",\"expires_at\":\"soon\"}}",
        "{\"data\":{\"is_valid\":true,\"app_id\":\"1234567890\",\"type\":\"USER\",\"expires_at\":0,\"user_id\":{}}}"})
    void verifyWhenDebugTokenAnswersAnOddShapeThenRejected(String answer) {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        graph.answerDebugWith(answer);

        assertThat(failureOf(token)).isEqualTo(Reason.REJECTED);
    }

    @Test
    void verifyWhenGraphDownThenUnavailable() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        graph.health(StubServer.Health.DOWN);

        assertThat(failureOf(token)).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void verifyWhenGraphHangsThenUnavailableAfterTheTimeout() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        graph.health(StubServer.Health.HANGING);
        verifier = new FacebookTokenVerifier(graph.settings(true), new ProviderHttpClient(Duration.ofMillis(300)), clock);

        assertThat(failureOf(token)).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void verifyWhenGraphNotListeningThenUnavailable() {
        String token = graph.issue(FacebookGraphStub.APP_ID, USER_ID, inAnHour, "Jane Doe", null);
        graph.close();

        assertThat(failureOf(token)).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void toStringWhenSettingsPrintedThenNoAppSecret() {
        assertThat(graph.settings(true).toString()).doesNotContain(FacebookGraphStub.APP_SECRET);
        assertThat(verifier.toString()).doesNotContain(FacebookGraphStub.APP_SECRET);
    }
}
