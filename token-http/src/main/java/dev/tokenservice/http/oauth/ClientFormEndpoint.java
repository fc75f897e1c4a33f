package dev.tokenservice.http.oauth;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FailurePacing;
import dev.tokenservice.http.web.Headers;
import dev.tokenservice.http.web.PayloadTooLargeException;
import dev.tokenservice.http.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The frame shared by the form endpoints where a client authenticates (token, revocation, introspection):
 * {@code POST} only, the {@code Authorization} header read once, the body bounded, and every refusal written as a
 * token-endpoint error with {@code Cache-Control: no-store} and, for {@code invalid_client} after a Basic attempt, a
 * Basic challenge. A failed client authentication is answered no sooner than {@link FailurePacing} allows, so timing
 * does not tell unknown client ids from known ones. The endpoint supplies only what it does with a valid request.
 * Thread-safe.
 */
final class ClientFormEndpoint {
    private static final String ALLOW = "POST";
    /** The largest body the form endpoints accept: far above any real form, far below anything harmful. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** What an endpoint does with the authorization header and the bounded body; may throw {@link OAuthException}. */
    @FunctionalInterface
    interface Action {
        void handle(Optional<String> authorization, byte[] body) throws IOException;
    }

    private final ErrorResponses errors;
    private final FailurePacing pacing;

    ClientFormEndpoint(ErrorResponses errors, FailurePacing pacing) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
    }

    void serve(HttpServletRequest request, HttpServletResponse response, Action action) throws IOException {
        if (!ALLOW.equals(request.getMethod())) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), ALLOW).withNoStore());
            return;
        }
        boolean basicAttempted = false;
        long started = 0;
        try {
            // The body first: a refusal sent with the body unread may close the connection under a client that is
            // already reusing it.
            byte[] body = RequestBodies.read(request, MAX_BODY_BYTES);
            Optional<String> authorization = Headers.single(request, Headers.AUTHORIZATION);
            basicAttempted = ClientAuthenticationParser.attemptsBasic(authorization);
            // Paced from here: how fast a caller sends its body is the caller's time, not the server's.
            started = System.nanoTime();
            action.handle(authorization, body);
        } catch (OAuthException e) {
            if (e.error() == OAuthError.INVALID_CLIENT && started != 0) {
                pacing.pace(started);
            }
            errors.write(response, errors.tokenError(e, basicAttempted));
        } catch (PayloadTooLargeException e) {
            errors.write(response, errors.payloadTooLarge(MAX_BODY_BYTES).withNoStore());
        }
    }
}
