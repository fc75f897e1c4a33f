package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Runs a call that must be refused and returns how: tests assert on the RFC 6749 §5.2 code, and on a description only
 * where telling outcomes apart is the behaviour under test, then against the constant the core publishes for it.
 */
public final class OAuthFailures {

    private OAuthFailures() { }

    /** The exception {@code call} throws; fails the test when it throws nothing or something else. */
    public static OAuthException failureOf(ThrowingCallable call) {
        OAuthException thrown = catchThrowableOfType(OAuthException.class, call);
        assertThat(thrown).as("an OAuthException").isNotNull();
        return thrown;
    }

    /** The error code of the exception {@code call} throws. */
    public static OAuthError errorOf(ThrowingCallable call) {
        return failureOf(call).error();
    }
}
