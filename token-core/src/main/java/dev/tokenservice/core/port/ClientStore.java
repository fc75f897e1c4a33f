package dev.tokenservice.core.port;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import java.util.Optional;

/** Registered clients. Implementations must be thread-safe. */
public interface ClientStore {

    /** The client with this id, or empty when there is none. */
    Optional<Client> findById(ClientId clientId);

    /** Stores the client, replacing any client with the same id (so bootstrap imports are repeatable). */
    void save(Client client);

    /** Removes the client; returns false when there was none. Its tokens are not touched. */
    boolean delete(ClientId clientId);

    /** The number of registered clients. */
    long count();
}
