package dev.tokenservice.core;

import static dev.tokenservice.core.OAuthFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.ClientAdministration.Registration;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientAuthentication;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.ClientSecret;
import dev.tokenservice.core.model.ClientSettings;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenDigest;
import dev.tokenservice.core.model.TokenRequest;
import dev.tokenservice.core.model.TokenResponse;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Client administration in the core: registration with a generated secret, settings, rotation, deletion. */
class ClientAdministrationTest {
    private static final ClientId ID = ClientId.of("billing.service");
    private static final ClientSettings MACHINE = new ClientSettings(Set.of(GrantType.CLIENT_CREDENTIALS),
            Scope.of("read", "write"), null, Set.of(), null, null, null);

    private final InMemoryPorts ports = new InMemoryPorts().with(TestClients.confidential().build());
    private final TokenServices core = ports.coreBuilder().defaultScopes(Scope.of("read", "profile")).build();
    private final ClientAdministration administration = core.clientAdministration();
    private final Administrator admin = TestAdministrators.any();

    private TokenResponse clientCredentials(ClientId clientId, ClientSecret secret) {
        return core.tokenService().issue(new TokenRequest(GrantType.CLIENT_CREDENTIALS,
                ClientAuthentication.post(clientId, secret), new HashMap<>()));
    }

    @Test
    void createWhenConfidentialThenGeneratedSecretAuthenticatesAndOnlyItsSha256HashIsStored() {
        Registration registration = administration.create(admin, ID, MACHINE, true).orElseThrow();

        Client stored = ports.clients().findById(ID).orElseThrow();
        assertThat(stored.secretHash().scheme()).isEqualTo("sha256");
        assertThat(stored.secretHash().value()).doesNotContain(registration.secret().value());
        assertThat(clientCredentials(ID, registration.secret()).accessToken()).isNotNull();
    }

    @Test
    void createWhenNoDefaultScopesThenTheServerDefaultsTheClientIsAllowed() {
        Client client = administration.create(admin, ID, MACHINE, true).orElseThrow().client();

        assertThat(client.defaultScopes()).isEqualTo(Scope.of("read"));
    }

    @Test
    void createWhenPublicThenNoSecret() {
        Registration registration = administration.create(admin, ID, MACHINE, false).orElseThrow();

        assertThat(registration.secret()).isNull();
        assertThat(registration.client().isConfidential()).isFalse();
    }

    @Test
    void createWhenIdIsTakenThenEmptyAndTheClientIsUnchanged() {
        Client existing = ports.clients().findById(TestClients.CONFIDENTIAL_ID).orElseThrow();

        assertThat(administration.create(admin, TestClients.CONFIDENTIAL_ID, MACHINE, true)).isEmpty();

        assertThat(ports.clients().findById(TestClients.CONFIDENTIAL_ID)).contains(existing);
    }

    @Test
    void createWhenDefaultScopesExceedAllowedThenInvalidRequestAndNothingStored() {
        ClientSettings bad = new ClientSettings(Set.of(GrantType.CLIENT_CREDENTIALS), Scope.of("read"),
                Scope.of("write"), Set.of(), null, null, null);

        OAuthException failure = failureOf(() -> administration.create(admin, ID, bad, true));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(ports.clients().findById(ID)).isEmpty();
    }

    @Test
    void createWhenReuseLiveWithoutSealingThenInvalidRequest() {
        ClientSettings reuse = new ClientSettings(Set.of(GrantType.CLIENT_CREDENTIALS), Scope.EMPTY, null, Set.of(),
                null, null, LiveTokenLimit.REUSE_LIVE);

        OAuthException failure = failureOf(() -> administration.create(admin, ID, reuse, true));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_REQUEST);
    }

    @Test
    void updateWhenPresentThenSettingsReplacedAndSecretKept() {
        Registration registration = administration.create(admin, ID, MACHINE, true).orElseThrow();
        ClientSettings changed = new ClientSettings(Set.of(GrantType.CLIENT_CREDENTIALS), Scope.of("read"),
                Scope.of("read"), Set.of(Authority.of("AUDITOR")), Duration.ofMinutes(5), null,
                LiveTokenLimit.REPLACE_PREVIOUS);

        Client updated = administration.update(admin, ID, changed).orElseThrow();

        assertThat(ClientSettings.of(updated)).isEqualTo(changed);
        assertThat(updated.secretHash()).isEqualTo(registration.client().secretHash());
        assertThat(clientCredentials(ID, registration.secret()).expiresIn()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void updateWhenAbsentThenEmptyAndNothingStored() {
        assertThat(administration.update(admin, ID, MACHINE)).isEmpty();

        assertThat(ports.clients().findById(ID)).isEmpty();
    }

    @Test
    void rotateSecretWhenGracePeriodThenOldSecretAcceptedUntilItEnds() {
        ClientSecret old = administration.create(admin, ID, MACHINE, true).orElseThrow().secret();

        ClientSecret fresh = administration.rotateSecret(admin, ID, Duration.ofMinutes(10)).orElseThrow().secret();

        assertThat(fresh).isNotEqualTo(old);
        assertThat(clientCredentials(ID, old).accessToken()).isNotNull();
        assertThat(clientCredentials(ID, fresh).accessToken()).isNotNull();
        ports.clock().advance(Duration.ofMinutes(10));
        assertThat(failureOf(() -> clientCredentials(ID, old)).error()).isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(clientCredentials(ID, fresh).accessToken()).isNotNull();
    }

    @Test
    void rotateSecretWhenNoGracePeriodThenOldSecretRefusedAtOnce() {
        ClientSecret old = administration.create(admin, ID, MACHINE, true).orElseThrow().secret();

        administration.rotateSecret(admin, ID, Duration.ZERO);

        assertThat(failureOf(() -> clientCredentials(ID, old)).error()).isEqualTo(OAuthError.INVALID_CLIENT);
    }

    @Test
    void rotateSecretWhenPublicClientThenInvalidRequestAndUnchanged() {
        Client publicClient = administration.create(admin, ID, MACHINE, false).orElseThrow().client();

        OAuthException failure = failureOf(() -> administration.rotateSecret(admin, ID, Duration.ZERO));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(ports.clients().findById(ID)).contains(publicClient);
    }

    @Test
    void rotateSecretWhenGraceBeyondTheMaximumThenInvalidRequest() {
        administration.create(admin, ID, MACHINE, true);
        Client before = ports.clients().findById(ID).orElseThrow();

        OAuthException failure = failureOf(() -> administration.rotateSecret(admin, ID,
                ClientAdministration.MAX_GRACE_PERIOD.plusSeconds(1)));

        assertThat(failure.error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(ports.clients().findById(ID)).contains(before);
    }

    @Test
    void deleteWhenPresentThenClientGoneAndItsTokensRevoked() {
        ClientSecret secret = administration.create(admin, ID, MACHINE, true).orElseThrow().secret();
        TokenResponse issued = clientCredentials(ID, secret);
        ports.events().clear();

        boolean deleted = administration.delete(admin, ID);

        assertThat(deleted).isTrue();
        assertThat(ports.clients().findById(ID)).isEmpty();
        assertThat(ports.tokens().findAccessToken(TokenDigest.of(issued.accessToken())))
                .isEmpty();
        assertThat(ports.events().assertHeard(Revoked.class, 1))
                .containsExactly(new Revoked(RevocationCause.ADMINISTRATION, 1));
    }

    @Test
    void deleteWhenAbsentThenFalse() {
        assertThat(administration.delete(admin, ID)).isFalse();
    }

    @Test
    void listWhenPagedThenEveryClientOnceInIdOrder() {
        administration.create(admin, ClientId.of("a"), MACHINE, true);
        administration.create(admin, ClientId.of("b"), MACHINE, true);

        List<Client> first = administration.list(admin, null, 2);
        List<Client> rest = administration.list(admin, first.get(1).clientId(), 2);

        assertThat(first).extracting(Client::clientId).containsExactly(ClientId.of("a"), ClientId.of("b"));
        assertThat(rest).extracting(Client::clientId).containsExactly(TestClients.CONFIDENTIAL_ID);
    }
}
