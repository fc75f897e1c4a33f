package dev.tokenservice.testkit;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.AccountLinkStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link AccountLinkStore} in a map; {@link #link} is an atomic put-if-absent. Thread-safe. */
public final class InMemoryAccountLinkStore implements AccountLinkStore {
    private static final Comparator<AccountLink> ORDER = Comparator
            .comparing((AccountLink link) -> link.thirdPartySubject().provider())
            .thenComparing(link -> link.thirdPartySubject().subject());

    private final ConcurrentMap<ThirdPartySubject, AccountLink> links = new ConcurrentHashMap<>();

    @Override
    public Optional<AccountLink> find(ThirdPartySubject thirdPartySubject) {
        return Optional.ofNullable(links.get(Objects.requireNonNull(thirdPartySubject, "thirdPartySubject")));
    }

    @Override
    public boolean link(AccountLink link) {
        return links.putIfAbsent(link.thirdPartySubject(), link) == null;
    }

    @Override
    public List<AccountLink> findByUsername(Username username) {
        Objects.requireNonNull(username, "username");
        return links.values().stream().filter(link -> link.username().equals(username)).sorted(ORDER).toList();
    }

    @Override
    public boolean unlink(ThirdPartySubject thirdPartySubject) {
        return links.remove(Objects.requireNonNull(thirdPartySubject, "thirdPartySubject")) != null;
    }

    @Override
    public int unlinkAll(Username username) {
        Objects.requireNonNull(username, "username");
        int removed = 0;
        for (AccountLink link : findByUsername(username)) {
            removed += links.remove(link.thirdPartySubject(), link) ? 1 : 0;
        }
        return removed;
    }
}
