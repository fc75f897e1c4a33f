package dev.tokenservice.core.port;

import java.util.Objects;

/**
 * A {@link ThirdPartyTokenVerifier} could not vouch for a token: either the token is not valid for us, or the provider
 * could not be asked. The message is safe to show the caller: it never holds the token or a secret. The cause, if
 * any, is for logs only.
 */
public final class ThirdPartyTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the token was not vouched for. */
    public enum Reason {
        /** The token is forged, expired, meant for another application, or otherwise not valid for us. */
        REJECTED,
        /** The provider did not answer, or not in time, or not in a form we understand: try again later. */
        UNAVAILABLE
    }

    private final Reason reason;

    private ThirdPartyTokenException(Reason reason, String description, Throwable cause) {
        super(Objects.requireNonNull(description, "description"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The token is not valid for us; {@code description} says why, safely. */
    public static ThirdPartyTokenException rejected(String description) {
        return new ThirdPartyTokenException(Reason.REJECTED, description, null);
    }

    /** The provider could not be asked; {@code cause} is for the logs. */
    public static ThirdPartyTokenException unavailable(String description, Throwable cause) {
        return new ThirdPartyTokenException(Reason.UNAVAILABLE, description, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** Why, in words safe to show the caller. */
    public String description() {
        return getMessage();
    }
}
