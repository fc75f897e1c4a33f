package dev.tokenservice.core.policy;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenRequest;
import java.util.Optional;

/**
 * The scope rules of RFC 6749 §3.3 and §6: a request gets at most the client's allowed scopes, the client's
 * defaults when it asks for none, and a refresh may narrow the original grant but never widen it. Thread-safe.
 */
public final class ScopePolicy {

    /** The scope to grant for a new authorization; throws {@code invalid_scope} beyond the client's allowance. */
    public Scope resolve(Client client, TokenRequest request) {
        Optional<Scope> requested = requested(request);
        if (requested.isEmpty()) {
            return client.defaultScopes();
        }
        if (!client.allowedScopes().containsAll(requested.get())) {
            throw OAuthException.invalidScope("requested scope is not allowed for this client");
        }
        return requested.get();
    }

    /** The scope for a refresh of {@code original}; throws {@code invalid_scope} when the request widens it. */
    public Scope narrow(Scope original, TokenRequest request) {
        Optional<Scope> requested = requested(request);
        if (requested.isEmpty()) {
            return original;
        }
        if (!original.containsAll(requested.get())) {
            throw OAuthException.invalidScope("requested scope exceeds the scope originally granted");
        }
        return requested.get();
    }

    private static Optional<Scope> requested(TokenRequest request) {
        Optional<String> text = request.parameter(TokenRequest.SCOPE);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // RFC 6749 §3.3: scope = scope-token *( SP scope-token ). Whitespace alone is malformed, not an empty request.
        if (text.get().isBlank() || !Scope.isValid(text.get())) {
            throw OAuthException.invalidScope("scope must be space-separated tokens of printable ASCII");
        }
        return Optional.of(Scope.parse(text.get()));
    }
}
