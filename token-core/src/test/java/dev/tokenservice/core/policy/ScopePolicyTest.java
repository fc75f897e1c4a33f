package dev.tokenservice.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopePolicyTest {
    private final ScopePolicy policy = new ScopePolicy();
    private final Client client = Client.builder("web.app")
            .allowedScopes(Scope.parse("read write admin")).defaultScopes(Scope.parse("read")).build();

    private static TokenRequest withoutScope() {
        return new TokenRequest(GrantType.PASSWORD, ClientAuthentication.none(ClientId.of("web.app")), Map.of());
    }

    private static TokenRequest withScope(String scope) {
        return new TokenRequest(GrantType.PASSWORD, ClientAuthentication.none(ClientId.of("web.app")),
                Map.of(TokenRequest.SCOPE, scope));
    }

    @Test
    void resolveWhenNoScopeRequestedThenClientDefaultScopes() {
        TokenRequest request = withoutScope();

        Scope scope = policy.resolve(client, request);

        assertThat(scope).isEqualTo(Scope.parse("read"));
    }

    @Test
    void resolveWhenOnlySpacesRequestedThenInvalidScope() {
        TokenRequest request = withScope("   ");

        assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> policy.resolve(client, request))
                .extracting(OAuthException::error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void resolveWhenEmptyScopeRequestedThenClientDefaultScopes() {
        TokenRequest request = withScope("");

        Scope scope = policy.resolve(client, request);

        assertThat(scope).isEqualTo(Scope.parse("read"));
    }

    @Test
    void resolveWhenAllowedScopeRequestedThenExactlyThatScope() {
        TokenRequest request = withScope("write admin");

        Scope scope = policy.resolve(client, request);

        assertThat(scope).isEqualTo(Scope.parse("admin write"));
    }

    @Test
    void resolveWhenScopeBeyondAllowanceThenInvalidScope() {
        TokenRequest request = withScope("read delete");

        assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> policy.resolve(client, request))
                .extracting(OAuthException::error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read  write", " read", "read ", "\"read\"", "read\\write", "r\u00E9ad", "read\twrite"})
    void resolveWhenScopeSyntaxInvalidThenInvalidScope(String scope) {
        TokenRequest request = withScope(scope);

        assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> policy.resolve(client, request))
                .extracting(OAuthException::error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void resolveWhenScopeTokenRepeatedThenGrantedOnce() {
        TokenRequest request = withScope("read read");

        Scope scope = policy.resolve(client, request);

        assertThat(scope).isEqualTo(Scope.parse("read"));
    }

    @Test
    void narrowWhenNoScopeRequestedThenOriginalScope() {
        TokenRequest request = withoutScope();

        Scope scope = policy.narrow(Scope.parse("read write"), request);

        assertThat(scope).isEqualTo(Scope.parse("read write"));
    }

    @Test
    void narrowWhenSubsetRequestedThenSubset() {
        TokenRequest request = withScope("read");

        Scope scope = policy.narrow(Scope.parse("read write"), request);

        assertThat(scope).isEqualTo(Scope.parse("read"));
    }

    @Test
    void narrowWhenSameScopeRequestedThenSameScope() {
        TokenRequest request = withScope("write read");

        Scope scope = policy.narrow(Scope.parse("read write"), request);

        assertThat(scope).isEqualTo(Scope.parse("read write"));
    }

    @Test
    void narrowWhenWideningRequestedThenInvalidScope() {
        TokenRequest request = withScope("read write admin");

        assertThatExceptionOfType(OAuthException.class)
                .isThrownBy(() -> policy.narrow(Scope.parse("read write"), request))
                .extracting(OAuthException::error).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void narrowWhenScopeSyntaxInvalidThenInvalidScope() {
        TokenRequest request = withScope("read  write");

        assertThatExceptionOfType(OAuthException.class)
                .isThrownBy(() -> policy.narrow(Scope.parse("read write"), request))
                .extracting(OAuthException::error).isEqualTo(OAuthError.INVALID_SCOPE);
    }
}
