package dev.tokenservice.testkit;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.ClientStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ClientStore} in a map. Thread-safe. */
public final class InMemoryClientStore implements ClientStore {
    private final ConcurrentMap<ClientId, Client> clients = new ConcurrentHashMap<>();

    /** A store holding {@code initial}. */
    public static InMemoryClientStore of(Client... initial) {
        InMemoryClientStore store = new InMemoryClientStore();
        for (Client client : initial) {
            store.save(client);
        }
        return store;
    }

    @Override
    public Optional<Client> findById(ClientId clientId) {
        return Optional.ofNullable(clients.get(Objects.requireNonNull(clientId, "clientId")));
    }

    @Override
    public void save(Client client) {
        clients.put(client.clientId(), client);
    }

    @Override
    public boolean delete(ClientId clientId) {
        return clients.remove(Objects.requireNonNull(clientId, "clientId")) != null;
    }

    @Override
    public long count() {
        return clients.size();
    }
}
