package dev.tokenservice.core;

import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.model.GrantType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The grant strategies by grant type; at most one per type. Immutable, thread-safe. */
final class GrantRegistry {
    private final Map<GrantType, GrantStrategy> strategies;

    GrantRegistry(Collection<GrantStrategy> all) {
        Map<GrantType, GrantStrategy> byType = new LinkedHashMap<>();
        for (GrantStrategy strategy : all) {
            GrantStrategy previous = byType.putIfAbsent(strategy.grantType(), strategy);
            if (previous != null) {
                throw new IllegalStateException("two grant strategies for grant type " + strategy.grantType()
                        + ": " + previous.getClass().getName() + " and " + strategy.getClass().getName());
            }
        }
        this.strategies = Map.copyOf(byType);
    }

    Optional<GrantStrategy> find(GrantType grantType) {
        return Optional.ofNullable(strategies.get(grantType));
    }

    Set<GrantType> grantTypes() {
        return strategies.keySet();
    }
}
