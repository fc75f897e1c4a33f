package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client credentials presented with a request, not yet checked.
 *
 * @param clientId the claimed client id
 * @param secret   the presented secret; {@code null} when none was sent (method {@link ClientAuthMethod#NONE})
 * @param method   how the credentials arrived
 */
public record ClientAuthentication(ClientId clientId, @Nullable ClientSecret secret, ClientAuthMethod method) {
    public ClientAuthentication {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(method, "method");
        if ((secret == null) != (method == ClientAuthMethod.NONE)) {
            throw new IllegalArgumentException("a secret comes with basic or post, and only with them");
        }
    }

    public static ClientAuthentication basic(ClientId clientId, ClientSecret secret) {
        return new ClientAuthentication(clientId, Objects.requireNonNull(secret, "secret"), ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    public static ClientAuthentication post(ClientId clientId, ClientSecret secret) {
        return new ClientAuthentication(clientId, Objects.requireNonNull(secret, "secret"), ClientAuthMethod.CLIENT_SECRET_POST);
    }

    public static ClientAuthentication none(ClientId clientId) {
        return new ClientAuthentication(clientId, null, ClientAuthMethod.NONE);
    }
}
