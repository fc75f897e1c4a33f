package dev.tokenservice.http.json;

import dev.tokenservice.core.model.TokenDetails;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.model.Username;
import java.util.Optional;

/**
 * One access token in the administration API, the Knetik API model {@code OauthAccessTokenResource}
 * ({@code client_id}, {@code username}, {@code token}) with more non-secret fields. {@code token} is always present:
 * {@code null} in the list view, the unsealed value in the single view ({@code null} when sealing is off).
 * Times are seconds since the epoch, as in RFC 7662.
 */
public record AccessTokenJson(
        String clientId,
        String username,
        String token,
        String tokenId,
        String scope,
        long issuedAt,
        long expiresAt) {

    /** The list view: never the value. */
    public static AccessTokenJson from(TokenSummary summary) {
        return of(summary, null);
    }

    /** The single view: the value when the core could unseal it. */
    public static AccessTokenJson from(TokenDetails details) {
        return of(details.summary(), Optional.ofNullable(details.value()).map(TokenValue::value).orElse(null));
    }

    private static AccessTokenJson of(TokenSummary summary, String token) {
        return new AccessTokenJson(summary.clientId().value(), Optional.ofNullable(summary.username()).map(Username::value).orElse(null),
                token, summary.id().value(), summary.scope().toString(),
                summary.issuedAt().getEpochSecond(), summary.expiresAt().getEpochSecond());
    }

    /** Never prints the token value. */
    @Override
    public String toString() {
        return "AccessTokenJson[client_id=" + clientId + ", username=" + username + ", token_id=" + tokenId + "]";
    }
}
