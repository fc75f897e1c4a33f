package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.RevocationRequest;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.testkit.FailingTokenStore;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestClients;
import dev.tokenservice.testkit.TestUsers;
import org.junit.jupiter.api.Test;

/** A store that fails surfaces as {@link StorageException}, never as an OAuth error, and nothing is announced. */
class TokenServiceStorageFailureTest {
    private final Client client = TestClients.confidential().build();
    private final InMemoryPorts ports = new InMemoryPorts().with(client).with(TestUsers.alice());
    private final TokenServices core = ports.coreBuilder().tokenStore(new FailingTokenStore()).build();
    private final TokenService service = core.tokenService();

    @Test
    void issueWhenStoreFailsThenStorageException() {
        assertThatThrownBy(() -> service.issue(TokenRequests.clientCredentials(client)))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void issueWhenStoreFailsThenRecordsNoEvent() {
        catchThrowable(() -> service.issue(TokenRequests.password(client, TestUsers.ALICE, TestUsers.ALICE_PASSWORD)));

        assertThat(ports.events().events()).isEmpty();
    }

    @Test
    void issueWhenStoreFailsDuringRefreshThenStorageException() {
        assertThatThrownBy(() -> service.issue(TokenRequests.refresh(client, TokenValue.of("some-refresh-token"))))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void revokeWhenStoreFailsThenStorageExceptionAndNoEvent() {
        Throwable thrown = catchThrowable(
                () -> service.revoke(new RevocationRequest(TestClients.credentials(client), TokenValue.of("some-token"))));

        assertThat(thrown).isInstanceOf(StorageException.class);
        assertThat(ports.events().events()).isEmpty();
    }

    @Test
    void introspectWhenStoreFailsThenStorageException() {
        assertThatThrownBy(() -> service.introspect(TokenRequests.introspection(client, TokenValue.of("some-token"))))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void verifyAccessTokenWhenStoreFailsThenStorageException() {
        assertThatThrownBy(() -> service.verifyAccessToken(TokenValue.of("some-token")))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void administrationRevokeWhenStoreFailsThenStorageExceptionAndNoEvent() {
        Throwable thrown = catchThrowable(() -> core.administration().revoke(TestAdministrators.any(), HolderSelector.user(TestUsers.ALICE)));

        assertThat(thrown).isInstanceOf(StorageException.class);
        assertThat(ports.events().events()).isEmpty();
    }

    @Test
    void administrationFindLatestWhenStoreFailsThenStorageException() {
        assertThatThrownBy(() -> core.administration().findLatest(TestAdministrators.any(), TestUsers.ALICE, client.clientId()))
                .isInstanceOf(StorageException.class);
    }
}
