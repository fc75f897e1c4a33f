package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OAuthExceptionTest {

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of((Function<String, OAuthException>) OAuthException::invalidRequest, "invalid_request"),
                Arguments.of((Function<String, OAuthException>) OAuthException::invalidClient, "invalid_client"),
                Arguments.of((Function<String, OAuthException>) OAuthException::invalidGrant, "invalid_grant"),
                Arguments.of((Function<String, OAuthException>) OAuthException::unauthorizedClient,
                        "unauthorized_client"),
                Arguments.of((Function<String, OAuthException>) OAuthException::unsupportedGrantType,
                        "unsupported_grant_type"),
                Arguments.of((Function<String, OAuthException>) OAuthException::invalidScope, "invalid_scope"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("factories")
    void factoryWhenCalledThenRfc6749ErrorCode(Function<String, OAuthException> factory, String code) {
        String description = "what went wrong";

        OAuthException exception = factory.apply(description);

        assertThat(exception.error().code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("factories")
    void factoryWhenCalledThenDescriptionKept(Function<String, OAuthException> factory, String code) {
        String description = "what went wrong";

        OAuthException exception = factory.apply(description);

        assertThat(exception.description()).isEqualTo(description);
    }

    @Test
    void errorCodesWhenListedThenTheSixOfRfc6749Section52TemporarilyUnavailableAndTheTwoOfRfc6750() {
        OAuthError[] errors = OAuthError.values();

        Stream<String> codes = Stream.of(errors).map(OAuthError::code);

        assertThat(codes).containsExactlyInAnyOrder("invalid_request", "invalid_client", "invalid_grant",
                "unauthorized_client", "unsupported_grant_type", "invalid_scope", "temporarily_unavailable",
                "invalid_token", "insufficient_scope");
    }

    @Test
    void temporarilyUnavailableWhenCalledThenCodeAndCauseKept() {
        IllegalStateException cause = new IllegalStateException("connect timed out");

        OAuthException exception = OAuthException.temporarilyUnavailable("the provider did not answer", cause);

        assertThat(exception.error().code()).isEqualTo("temporarily_unavailable");
        assertThat(exception.getCause()).isSameAs(cause);
    }

    @Test
    void constructorWhenCauseGivenThenKeptForLogs() {
        IllegalStateException cause = new IllegalStateException("driver detail");

        OAuthException exception = new OAuthException(OAuthError.INVALID_GRANT, "refused", cause);

        assertThat(exception.getCause()).isSameAs(cause);
        assertThat(exception.description()).isEqualTo("refused");
    }

    @Test
    void constructorWhenDescriptionNullThenNullPointer() {
        String description = null;

        assertThatNullPointerException().isThrownBy(() -> new OAuthException(OAuthError.INVALID_GRANT, description));
    }
}
