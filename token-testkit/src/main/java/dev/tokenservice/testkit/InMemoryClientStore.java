package dev.tokenservice.testkit;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.port.ClientStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/** A {@link ClientStore} in a sorted map, keyed by the id's text so that {@link #list} pages in id order. Thread-safe. */
public final class InMemoryClientStore implements ClientStore {
    private final ConcurrentNavigableMap<String, Client> clients = new ConcurrentSkipListMap<>();

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
        return Optional.ofNullable(clients.get(Objects.requireNonNull(clientId, "clientId").value()));
    }

    @Override
    public void save(Client client) {
        clients.put(client.clientId().value(), client);
    }

    @Override
    public boolean delete(ClientId clientId) {
        return clients.remove(Objects.requireNonNull(clientId, "clientId").value()) != null;
    }

    @Override
    public long count() {
        return clients.size();
    }

    @Override
    public boolean add(Client client) {
        return clients.putIfAbsent(client.clientId().value(), client) == null;
    }

    @Override
    public boolean update(Client client) {
        return clients.replace(client.clientId().value(), client) != null;
    }

    @Override
    public List<Client> list(@Nullable ClientId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        ConcurrentNavigableMap<String, Client> rest = after == null ? clients : clients.tailMap(after.value(), false);
        return rest.values().stream().limit(limit).toList();
    }
}
