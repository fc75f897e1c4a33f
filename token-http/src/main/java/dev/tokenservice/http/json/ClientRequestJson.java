package dev.tokenservice.http.json;

import java.util.List;

/**
 * The body of a client registration ({@code POST /auth/clients}) or of a change of its settings
 * ({@code PUT /auth/clients/{client_id}}, where {@code client_id} and {@code confidential} may be left out). An absent
 * list is empty; an absent lifetime or issuance policy is the server's. Lifetimes are whole seconds.
 */
public record ClientRequestJson(
        String clientId,
        Boolean confidential,
        List<String> grantTypes,
        List<String> scopes,
        List<String> defaultScopes,
        List<String> authorities,
        Long accessTokenTtl,
        Long refreshTokenTtl,
        String issuancePolicy) {
}
