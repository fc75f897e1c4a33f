package dev.tokenservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.crypto.Sha256SecretHasher;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.RetiredSecret;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.port.ClientStore;
import java.time.Duration;
import java.time.Instant;
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
    void findByIdWhenClientOverridesRefreshFamilyLifetimeAndGraceWindowThenTheyRoundTrip() {
        Client client = confidential("mobile").toBuilder()
                .refreshFamilyLifetime(Duration.ofDays(14))
                .refreshGraceWindow(Duration.ofSeconds(30))
                .build();
        Client graceOff = confidential("kiosk").toBuilder().refreshGraceWindow(Duration.ZERO).build();

        store.save(client);
        store.save(graceOff);

        assertThat(store.findById(client.clientId())).contains(client);
        assertThat(store.findById(graceOff.clientId())).contains(graceOff);
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

    @Test
    void findByIdWhenRotatedClientSavedThenReturnsEqualClientWithItsRetiredSecretAndPolicy() {
        Client client = confidential("rotated").toBuilder()
                .liveTokenLimit(LiveTokenLimit.REUSE_LIVE)
                .retiredSecret(new RetiredSecret(new Sha256SecretHasher().hash("old"),
                        Instant.parse("2030-01-01T00:10:00.123Z")))
                .build();

        store.save(client);

        assertThat(store.findById(client.clientId())).contains(client);
    }

    @Test
    void findCurrentWhenSavedThenReturnsEqualClient() {
        Client client = confidential("c1");

        store.save(client);

        assertThat(store.findCurrent(client.clientId())).contains(client);
        assertThat(store.findCurrent(ClientId.of("nobody"))).isEmpty();
    }

    @Test
    void addWhenIdIsFreeThenTrueAndStored() {
        Client client = confidential("new.client");

        boolean added = store.add(client);

        assertThat(added).isTrue();
        assertThat(store.findById(client.clientId())).contains(client);
    }

    @Test
    void addWhenIdIsTakenThenFalseAndTheStoredClientIsKept() {
        Client first = confidential("c1");
        store.add(first);

        boolean added = store.add(Client.builder("c1").grantTypes(GrantType.PASSWORD).build());

        assertThat(added).isFalse();
        assertThat(store.findById(ClientId.of("c1"))).contains(first);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void addWhenEightThreadsAddOneIdThenExactlyOneWinsAndItsClientIsStored() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        List<Client> candidates = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Client candidate = Client.builder("contended").grantTypes(GrantType.CLIENT_CREDENTIALS)
                        .secretHash(new Sha256SecretHasher().hash("secret-" + i)).build();
                candidates.add(candidate);
                results.add(pool.submit(() -> {
                    start.await();
                    return store.add(candidate);
                }));
            }

            start.countDown();
            List<Client> winners = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                if (results.get(i).get(30, TimeUnit.SECONDS)) {
                    winners.add(candidates.get(i));
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(store.findById(ClientId.of("contended"))).contains(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateWhenPresentThenTrueAndEveryFieldReplaced() {
        store.save(confidential("c1"));
        Client changed = Client.builder("c1").grantTypes(GrantType.PASSWORD)
                .secretHash(new Sha256SecretHasher().hash("new"))
                .retiredSecret(new RetiredSecret(new Sha256SecretHasher().hash("secret-of-c1"),
                        Instant.parse("2030-01-01T00:00:00Z")))
                .allowedScopes(Scope.of("read")).liveTokenLimit(LiveTokenLimit.REPLACE_PREVIOUS).build();

        boolean updated = store.update(changed);

        assertThat(updated).isTrue();
        assertThat(store.findById(ClientId.of("c1"))).contains(changed);
    }

    @Test
    void updateWhenAbsentThenFalseAndNothingStored() {
        boolean updated = store.update(confidential("ghost"));

        assertThat(updated).isFalse();
        assertThat(store.findById(ClientId.of("ghost"))).isEmpty();
        assertThat(store.count()).isZero();
    }

    @Test
    void listWhenFromTheStartThenClientsInIdOrderUpToTheLimit() {
        for (String id : List.of("b", "a.2", "C", "a.10", "a")) {
            store.save(confidential(id));
        }

        List<ClientId> page = store.list(null, 4).stream().map(Client::clientId).toList();

        assertThat(page).containsExactly(ClientId.of("C"), ClientId.of("a"), ClientId.of("a.10"), ClientId.of("a.2"));
    }

    @Test
    void listWhenAfterAnIdThenTheClientsFollowingIt() {
        for (String id : List.of("b", "a.2", "C", "a.10", "a")) {
            store.save(confidential(id));
        }

        List<ClientId> page = store.list(ClientId.of("a.2"), 10).stream().map(Client::clientId).toList();

        assertThat(page).containsExactly(ClientId.of("b"));
    }

    @Test
    void listWhenAfterAnIdThatIsGoneThenTheClientsFollowingWhereItWas() {
        for (String id : List.of("a", "b", "c")) {
            store.save(confidential(id));
        }
        store.delete(ClientId.of("b"));

        List<ClientId> page = store.list(ClientId.of("b"), 10).stream().map(Client::clientId).toList();

        assertThat(page).containsExactly(ClientId.of("c"));
    }

    @Test
    void listWhenEmptyThenEmpty() {
        assertThat(store.list(null, 10)).isEmpty();
    }

    @Test
    void listWhenClientsStoredThenReturnsThemEqual() {
        Client client = confidential("full");
        store.save(client);

        assertThat(store.list(null, 1)).containsExactly(client);
    }

    @Test
    void listWhenLimitBelowOneThenRefused() {
        assertThatThrownBy(() -> store.list(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
