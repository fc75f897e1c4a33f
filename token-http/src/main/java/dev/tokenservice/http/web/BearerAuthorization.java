package dev.tokenservice.http.web;

import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.model.TokenValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the bearer access token of an administrator's call (RFC 6750) and lets the core decide: the token comes from
 * the {@code Authorization} header only (RFC 6750 §2.1; a token in a form body or a URL is not looked at), and
 * {@link TokenAdministration#authorize} says whether it is live and holds {@code TOKENS_ADMIN}. Refusals are the RFC
 * 6750 §3.1 challenges of {@link ErrorResponses}: no credentials → {@code 401} without an error code, a malformed
 * header → {@code 400 invalid_request}, an unknown, expired or revoked token → {@code 401 invalid_token}, a missing
 * authority → {@code 403 insufficient_scope}. Thread-safe.
 */
public final class BearerAuthorization {
    private final TokenAdministration administration;
    private final ErrorResponses errors;

    public BearerAuthorization(TokenAdministration administration, ErrorResponses errors) {
        this.administration = Objects.requireNonNull(administration, "administration");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * The administrator the caller's token speaks for.
     *
     * @param authorization the {@code Authorization} header, if any
     * @throws Refused with the answer to write when the core (or the header's form) refuses the caller
     */
    public Administrator administrator(Optional<String> authorization) throws Refused {
        Optional<TokenValue> token;
        try {
            token = BearerTokenParser.parse(authorization);
        } catch (OAuthException e) {
            throw new Refused(errors.malformedBearer(e));
        }
        if (token.isEmpty()) {
            throw new Refused(errors.bearerMissing());
        }
        try {
            return administration.authorize(token.get());
        } catch (OAuthException e) {
            throw new Refused(e.error() == OAuthError.INSUFFICIENT_SCOPE ? errors.insufficientScope()
                    : errors.invalidToken());
        }
    }

    /** A refused bearer-protected call, with the answer to write. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient ErrorReply reply;

        Refused(ErrorReply reply) {
            super(reply.body().error(), null, false, false);
            this.reply = reply;
        }

        public ErrorReply reply() {
            return reply;
        }
    }
}
