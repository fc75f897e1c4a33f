package dev.tokenservice.http.web;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorizes a bearer-protected call (RFC 6750): the access token comes from the {@code Authorization} header only
 * (RFC 6750 §2.1; a token in a form body or a URL is not looked at), must be live, and its holder must hold the
 * authority the call needs. Refusals are the RFC 6750 §3.1 challenges of {@link ErrorResponses}: no credentials →
 * {@code 401} without an error code, a malformed header → {@code 400 invalid_request}, an unknown, expired or revoked
 * token → {@code 401 invalid_token}, a missing authority → {@code 403 insufficient_scope}. Thread-safe.
 */
public final class BearerAuthorization {
    private final TokenService tokens;
    private final ErrorResponses errors;

    public BearerAuthorization(TokenService tokens, ErrorResponses errors) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * Empty when the caller holds a live token with {@code authority}; the refusal to write otherwise.
     *
     * @param authorization the {@code Authorization} header, if any
     */
    public Optional<ErrorReply> require(Optional<String> authorization, Authority authority) {
        Optional<TokenValue> token;
        try {
            token = BearerTokenParser.parse(authorization);
        } catch (OAuthException e) {
            return Optional.of(errors.malformedBearer(e));
        }
        if (token.isEmpty()) {
            return Optional.of(errors.bearerMissing());
        }
        Optional<TokenPrincipal> principal = tokens.verifyAccessToken(token.get());
        if (principal.isEmpty()) {
            return Optional.of(errors.invalidToken());
        }
        if (!principal.get().hasAuthority(authority)) {
            return Optional.of(errors.insufficientScope());
        }
        return Optional.empty();
    }
}
