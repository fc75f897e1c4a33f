package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tokenservice.core.grant.ClientCredentialsGrantStrategy;
import dev.tokenservice.core.grant.GrantStrategy;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.policy.ScopePolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantRegistryTest {
    private final ScopePolicy scopes = new ScopePolicy();

    @Test
    void constructorWhenTwoStrategiesForOneGrantTypeThenIllegalState() {
        List<GrantStrategy> strategies =
                List.of(new ClientCredentialsGrantStrategy(scopes), new ClientCredentialsGrantStrategy(scopes));

        assertThatIllegalStateException().isThrownBy(() -> new GrantRegistry(strategies))
                .withMessageContaining("client_credentials");
    }

    @Test
    void findWhenStrategyRegisteredThenThatStrategy() {
        GrantStrategy strategy = new ClientCredentialsGrantStrategy(scopes);
        GrantRegistry registry = new GrantRegistry(List.of(strategy));

        Optional<GrantStrategy> found = registry.find(GrantType.CLIENT_CREDENTIALS);

        assertThat(found).containsSame(strategy);
    }

    @Test
    void findWhenNoStrategyForGrantTypeThenEmpty() {
        GrantRegistry registry = new GrantRegistry(List.of(new ClientCredentialsGrantStrategy(scopes)));

        Optional<GrantStrategy> found = registry.find(GrantType.of("google"));

        assertThat(found).isEmpty();
    }

    @Test
    void grantTypesWhenStrategiesRegisteredThenTheirGrantTypes() {
        GrantRegistry registry = new GrantRegistry(List.of(new ClientCredentialsGrantStrategy(scopes)));

        var grantTypes = registry.grantTypes();

        assertThat(grantTypes).containsExactly(GrantType.CLIENT_CREDENTIALS);
    }
}
