package dev.tokenservice.core.port;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Registered clients. Implementations must be thread-safe. */
public interface ClientStore {

    /** The client with this id, or empty when there is none. */
    Optional<Client> findById(ClientId clientId);

    /**
     * The client with this id as stored now, never from a cache in front of the store: what a read-modify-write (an
     * administrator's change) must start from, lest a stale copy undo another server's change. The default is
     * {@link #findById}, which a store that keeps no copies answers from storage anyway.
     */
    default Optional<Client> findCurrent(ClientId clientId) {
        return findById(clientId);
    }

    /** Stores the client, replacing any client with the same id (so bootstrap imports are repeatable). */
    void save(Client client);

    /** Removes the client; returns false when there was none. Its tokens are not touched. */
    boolean delete(ClientId clientId);

    /** The number of registered clients. */
    long count();

    /**
     * Stores a new client unless a client with its id exists, which is then kept unchanged. Atomic: when several callers
     * add one id at once, exactly one gets {@code true} and every later {@link #findById} returns that caller's client.
     *
     * @return true when this call stored the client
     */
    boolean add(Client client);

    /**
     * Replaces the registered client with the same id, every field at once (secret hashes included, so a secret
     * rotation is one update). Never creates one: when there is none, e.g. it was deleted concurrently, nothing is
     * stored and the answer is {@code false}.
     *
     * @return true when a client was replaced
     */
    boolean update(Client client);

    /**
     * Up to {@code limit} clients whose ids come after {@code after}, ordered by id compared character by character
     * (byte order for ASCII ids, whatever the database's locale); from the first client when {@code after} is
     * {@code null}. Paging with the last id of one page as the next {@code after} visits every client once, also while
     * clients are added or deleted.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<Client> list(@Nullable ClientId after, int limit);
}
