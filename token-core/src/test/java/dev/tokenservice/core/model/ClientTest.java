package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static Client.Builder reader() {
        return Client.builder("web.app").allowedScopes(Scope.parse("read write"));
    }

    @Test
    void buildWhenDefaultScopesOutsideAllowedThenIllegalArgument() {
        Client.Builder builder = reader().defaultScopes(Scope.parse("read admin"));

        assertThatIllegalArgumentException().isThrownBy(builder::build);
    }

    @Test
    void buildWhenDefaultScopesSubsetOfAllowedThenKept() {
        Client.Builder builder = reader().defaultScopes(Scope.parse("read"));

        Client client = builder.build();

        assertThat(client.defaultScopes()).isEqualTo(Scope.parse("read"));
    }

    @Test
    void buildWhenNoDefaultScopesThenDefaultsToAllowedScopes() {
        Client.Builder builder = reader();

        Client client = builder.build();

        assertThat(client.defaultScopes()).isEqualTo(Scope.parse("read write"));
    }

    @Test
    void buildWhenAccessTokenLifetimeIsZeroThenIllegalArgument() {
        Client.Builder builder = reader().accessTokenLifetime(Duration.ZERO);

        assertThatIllegalArgumentException().isThrownBy(builder::build);
    }

    @Test
    void buildWhenRefreshTokenLifetimeIsNegativeThenIllegalArgument() {
        Client.Builder builder = reader().refreshTokenLifetime(Duration.ofSeconds(-1));

        assertThatIllegalArgumentException().isThrownBy(builder::build);
    }

    @Test
    void buildWhenLifetimesPositiveThenOverridesPresent() {
        Client.Builder builder = reader().accessTokenLifetime(Duration.ofMinutes(5)).refreshTokenLifetime(Duration.ofDays(1));

        Client client = builder.build();

        assertThat(client.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(client.refreshTokenLifetime()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void buildWhenNoLifetimesThenNoOverrides() {
        Client.Builder builder = reader();

        Client client = builder.build();

        assertThat(client.accessTokenLifetime()).isNull();
        assertThat(client.refreshTokenLifetime()).isNull();
    }

    @Test
    void isConfidentialWhenSecretHashSetThenTrue() {
        Client client = reader().secretHash(SecretHash.of("$sha256$abc")).build();

        boolean confidential = client.isConfidential();

        assertThat(confidential).isTrue();
    }

    @Test
    void isConfidentialWhenNoSecretHashThenFalse() {
        Client client = reader().build();

        boolean confidential = client.isConfidential();

        assertThat(confidential).isFalse();
    }

    @Test
    void mayUseWhenGrantTypeNotListedThenFalse() {
        Client client = reader().grantTypes(GrantType.PASSWORD).build();

        boolean mayUse = client.mayUse(GrantType.CLIENT_CREDENTIALS);

        assertThat(mayUse).isFalse();
    }

    @Test
    void mayUseWhenGrantTypeListedThenTrue() {
        Client client = reader().grantTypes(GrantType.PASSWORD, GrantType.REFRESH_TOKEN).build();

        boolean mayUse = client.mayUse(GrantType.REFRESH_TOKEN);

        assertThat(mayUse).isTrue();
    }

    @Test
    void toBuilderWhenRebuiltThenEqualsTheOriginal() {
        Client original = reader().secretHash(SecretHash.of("$sha256$abc")).grantTypes(GrantType.PASSWORD)
                .defaultScopes(Scope.parse("read")).authorities(Authority.TOKENS_ADMIN)
                .accessTokenLifetime(Duration.ofMinutes(5)).refreshTokenLifetime(Duration.ofDays(2)).build();

        Client copy = original.toBuilder().build();

        assertThat(copy).isEqualTo(original);
    }

    @Test
    void withSecretHashWhenCalledThenOnlyTheHashChanges() {
        Client original = reader().secretHash(SecretHash.of("$sha256$old")).grantTypes(GrantType.PASSWORD).build();

        Client changed = original.withSecretHash(SecretHash.of("$sha256$new"));

        assertThat(changed.secretHash()).isEqualTo(SecretHash.of("$sha256$new"));
        assertThat(changed.toBuilder().secretHash(SecretHash.of("$sha256$old")).build()).isEqualTo(original);
    }

    @Test
    void toStringWhenConfidentialThenHashValueNotPrinted() {
        Client client = reader().secretHash(SecretHash.of("$sha256$c2VjcmV0LWhhc2gtdmFsdWU")).build();

        String text = client.toString();

        assertThat(text).doesNotContain("c2VjcmV0LWhhc2gtdmFsdWU");
    }
}
