package dev.tokenservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.port.ClientStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ClientStore} must have. Extend it and return a fresh empty store from {@link #newStore}. */
public abstract class ClientStoreContract {
    private ClientStore store;

    /** Returns an empty store; called before every test. */
    protected abstract ClientStore newStore();

    @BeforeEach
    final void setUpStore() {
        store = newStore();
    }

    private static Client confidential(String id) {
        return Client.builder(id)
                .secretHash(new Sha256SecretHasher().hash("secret-of-" + id))
                .grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN,
                        GrantType.of("urn:ietf:params:oauth:grant-type:jwt-bearer"))
                .allowedScopes(Scope.of("read", "write", "admin:tokens"))
                .defaultScopes(Scope.of("read"))
                .authorities(Authority.TOKENS_ADMIN, Authority.of("AUDITOR"))
                .accessTokenLifetime(Duration.ofMinutes(5))
                .refreshTokenLifetime(Duration.ofDays(2))
                .build();
    }

    @Test
    void findByIdWhenConfidentialClientSavedThenReturnsEqualClient() {
        Client client = confidential("web.app-1");

        store.save(client);

        assertThat(store.findById(client.clientId())).contains(client);
    }

    @Test
    void findByIdWhenPublicClientWithDefaultsSavedThenReturnsEqualClient() {
        Client client = Client.builder("spa").grantTypes(GrantType.PASSWORD).build();

        store.save(client);

        assertThat(store.findById(client.clientId())).contains(client);
    }

    @Test
    void findByIdWhenClientChoosesAnAccessTokenFormatThenKeepsIt() {
        Client jwt = confidential("jwt-client").toBuilder().accessTokenFormat(AccessTokenFormat.JWT).build();
        Client opaque = confidential("opaque-client").toBuilder().accessTokenFormat(AccessTokenFormat.OPAQUE).build();

        store.save(jwt);
        store.save(opaque);

        assertThat(store.findById(jwt.clientId())).contains(jwt);
        assertThat(store.findById(opaque.clientId())).contains(opaque);
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        assertThat(store.findById(ClientId.of("nobody"))).isEmpty();
    }

    @Test
    void findByIdWhenCaseDiffersThenEmpty() {
        store.save(confidential("client"));

        assertThat(store.findById(ClientId.of("CLIENT"))).isEmpty();
    }

    @Test
    void saveWhenIdExistsThenReplacesTheClient() {
        store.save(confidential("c1"));
        Client replacement = Client.builder("c1").grantTypes(GrantType.CLIENT_CREDENTIALS)
                .secretHash(new Sha256SecretHasher().hash("new")).build();

        store.save(replacement);

        assertThat(store.findById(ClientId.of("c1"))).contains(replacement);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void deleteWhenPresentThenTrueAndGone() {
        store.save(confidential("c1"));

        assertThat(store.delete(ClientId.of("c1"))).isTrue();

        assertThat(store.findById(ClientId.of("c1"))).isEmpty();
    }

    @Test
    void deleteWhenAbsentThenFalse() {
        assertThat(store.delete(ClientId.of("nobody"))).isFalse();
    }

    @Test
    void countWhenClientsSavedThenCountsThem() {
        assertThat(store.count()).isZero();

        store.save(confidential("c1"));
        store.save(confidential("c2"));

        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void saveWhenEightThreadsSaveDistinctClientsThenAllAreStored() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Client client = confidential("c" + i);
                done.add(pool.submit(() -> {
                    start.await();
                    store.save(client);
                    return null;
                }));
            }

            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }

            assertThat(store.count()).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }
}
