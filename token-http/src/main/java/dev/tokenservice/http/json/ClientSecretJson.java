package dev.tokenservice.http.json;

import dev.tokenservice.core.ClientAdministration.Registration;

/**
 * A client with the secret it was just given, the answer of a registration or a secret rotation: the only time the
 * secret is ever shown. {@code client_secret} is {@code null} for a public client.
 */
public record ClientSecretJson(String clientSecret, ClientJson client) {

    public static ClientSecretJson from(Registration registration) {
        return new ClientSecretJson(registration.secret() == null ? null : registration.secret().value(),
                ClientJson.from(registration.client()));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ClientSecretJson[client_id=" + client.clientId() + "]";
    }
}
