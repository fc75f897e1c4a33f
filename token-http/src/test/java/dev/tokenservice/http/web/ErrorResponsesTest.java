package dev.tokenservice.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.json.JsonMappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorResponsesTest {
    private final ErrorResponses errors = new ErrorResponses("token-service", new JsonWriter(JsonMappers.create()));

    @ParameterizedTest
    @EnumSource(value = OAuthError.class, names = {"INVALID_CLIENT", "TEMPORARILY_UNAVAILABLE"},
            mode = EnumSource.Mode.EXCLUDE)
    void tokenErrorWhenNotInvalidClientThen400WithNoStore(OAuthError error) {
        ErrorReply reply = errors.tokenError(new OAuthException(error, "why"), true);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().error()).isEqualTo(error.code());
        assertThat(reply.headers()).containsEntry("Cache-Control", "no-store").containsEntry("Pragma", "no-cache")
                .doesNotContainKey("WWW-Authenticate");
    }

    @Test
    void tokenErrorWhenTemporarilyUnavailableThen503WithNoStore() {
        ErrorReply reply = errors.tokenError(OAuthException.temporarilyUnavailable("google did not answer in time",
                new java.net.http.HttpTimeoutException("request timed out")), false);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body().error()).isEqualTo("temporarily_unavailable");
        assertThat(reply.headers()).containsEntry("Cache-Control", "no-store").doesNotContainKey("WWW-Authenticate");
    }

    @Test
    void tokenErrorWhenInvalidClientAfterBasicThen401WithBasicChallenge() {
        ErrorReply reply = errors.tokenError(OAuthException.invalidClient("no"), true);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().get("WWW-Authenticate")).startsWith("Basic realm=\"token-service\"");
    }

    @Test
    void tokenErrorWhenInvalidClientWithoutBasicThen401WithoutChallenge() {
        ErrorReply reply = errors.tokenError(OAuthException.invalidClient("no"), false);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers()).doesNotContainKey("WWW-Authenticate");
    }

    @Test
    void bearerMissingWhenCalledThen401ChallengeWithoutErrorCode() {
        ErrorReply reply = errors.bearerMissing();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"token-service\"");
    }

    @Test
    void invalidTokenWhenCalledThen401ChallengeWithErrorCode() {
        ErrorReply reply = errors.invalidToken();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().get("WWW-Authenticate"))
                .startsWith("Bearer realm=\"token-service\", error=\"invalid_token\", error_description=\"");
    }

    @Test
    void insufficientScopeWhenCalledThen403() {
        ErrorReply reply = errors.insufficientScope();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().error()).isEqualTo("insufficient_scope");
        assertThat(reply.headers().get("WWW-Authenticate")).contains("error=\"insufficient_scope\"");
    }

    @Test
    void serverErrorWhenCauseHasDetailsThenBodyHidesThem() {
        ErrorReply reply = errors.serverError(new IllegalStateException("SELECT secret FROM x"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().error()).isEqualTo("server_error");
        assertThat(reply.body().errorDescription()).doesNotContain("SELECT").doesNotContain("IllegalState");
    }

    @Test
    void methodNotAllowedWhenCalledThen405WithAllow() {
        ErrorReply reply = errors.methodNotAllowed("PUT", "GET, DELETE");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers()).containsEntry("Allow", "GET, DELETE");
    }

    @Test
    void forStatusWhenContainerErrorThenJsonCodes() {
        assertThat(errors.forStatus(400).body().error()).isEqualTo("invalid_request");
        assertThat(errors.forStatus(404).status()).isEqualTo(404);
        assertThat(errors.forStatus(502).status()).isEqualTo(500);
    }
}
