package dev.tokenservice.http;

import dev.tokenservice.http.clients.AccountLinkAdminServlet;
import dev.tokenservice.http.clients.ClientAdminServlet;
import java.util.Objects;

/**
 * The administration of registrations beside the token administration: clients ({@code /auth/clients}) and the
 * account links of social sign-in ({@code /auth/users/{username}/links}). Immutable.
 */
public record ClientEndpoints(ClientAdminServlet clients, AccountLinkAdminServlet accountLinks) {
    public ClientEndpoints {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(accountLinks, "accountLinks");
    }
}
