package dev.tokenservice.http.json;

import java.util.List;

/**
 * A page of clients in id order. {@code next_after} is the id to pass as {@code after} for the next page;
 * {@code null} on the last page.
 */
public record ClientPageJson(List<ClientJson> clients, String nextAfter) {
    public ClientPageJson {
        clients = List.copyOf(clients);
    }
}
