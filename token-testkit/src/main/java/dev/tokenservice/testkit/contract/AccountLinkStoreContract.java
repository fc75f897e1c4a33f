package dev.tokenservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.AccountLinkStore;
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

/**
 * The behaviour every {@link AccountLinkStore} must have: links are kept exactly, one third-party account links to one
 * user, and of concurrent links of one third-party account exactly one wins. Extend it and return a fresh empty store
 * from {@link #newStore}.
 */
public abstract class AccountLinkStoreContract {
    private static final Instant LINKED_AT = Instant.parse("2030-01-01T00:00:00.123Z");
    private static final Username JANE = Username.of("google:110169484474386276334");
    private static final Username JOHN = Username.of("john");

    private AccountLinkStore store;

    /** Returns an empty store; called before every test. */
    protected abstract AccountLinkStore newStore();

    @BeforeEach
    final void setUpStore() {
        store = newStore();
    }

    private static AccountLink link(String provider, String subject, Username username) {
        return new AccountLink(ThirdPartySubject.of(provider, subject), username, LINKED_AT);
    }

    @Test
    void findWhenLinkedThenReturnsEqualLink() {
        AccountLink link = link("google", "110169484474386276334", JANE);

        store.link(link);

        assertThat(store.find(link.thirdPartySubject())).contains(link);
    }

    @Test
    void findWhenUnknownThenEmpty() {
        assertThat(store.find(ThirdPartySubject.of("google", "nobody"))).isEmpty();
    }

    @Test
    void findWhenSubjectCaseDiffersThenEmpty() {
        store.link(link("oidc:acme", "AbC", JANE));

        assertThat(store.find(ThirdPartySubject.of("oidc:acme", "abc"))).isEmpty();
    }

    @Test
    void findWhenSameSubjectAtAnotherProviderThenEmpty() {
        store.link(link("google", "42", JANE));

        assertThat(store.find(ThirdPartySubject.of("facebook", "42"))).isEmpty();
    }

    @Test
    void findWhenLongestSubjectAndUsernameThenKeptExactly() {
        AccountLink link = link("oidc:" + "p".repeat(123), "s".repeat(255), Username.of("u".repeat(255)));

        store.link(link);

        assertThat(store.find(link.thirdPartySubject())).contains(link);
    }

    @Test
    void linkWhenNewThenTrue() {
        boolean made = store.link(link("facebook", "10", JOHN));

        assertThat(made).isTrue();
    }

    @Test
    void linkWhenExternalAccountLinkedAlreadyThenFalseAndFirstLinkKept() {
        AccountLink first = link("google", "7", JANE);
        store.link(first);

        boolean made = store.link(new AccountLink(first.thirdPartySubject(), JOHN, LINKED_AT.plusSeconds(60)));

        assertThat(made).isFalse();
        assertThat(store.find(first.thirdPartySubject())).contains(first);
    }

    @Test
    void linkWhenSameSubjectAtTwoProvidersThenBothKept() {
        AccountLink google = link("google", "42", JANE);
        AccountLink facebook = link("facebook", "42", JOHN);

        assertThat(store.link(google)).isTrue();
        assertThat(store.link(facebook)).isTrue();

        assertThat(store.find(google.thirdPartySubject())).contains(google);
        assertThat(store.find(facebook.thirdPartySubject())).contains(facebook);
    }

    @Test
    void linkWhenRacedByEightThreadsThenExactlyOneWinsAndItsLinkIsKept() throws Exception {
        ThirdPartySubject thirdPartySubject = ThirdPartySubject.of("google", "raced");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        List<AccountLink> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                AccountLink attempt = new AccountLink(thirdPartySubject, Username.of("user-" + i), LINKED_AT);
                attempts.add(attempt);
                results.add(pool.submit(() -> {
                    start.await();
                    return store.link(attempt);
                }));
            }

            start.countDown();
            List<AccountLink> winners = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                if (results.get(i).get(30, TimeUnit.SECONDS)) {
                    winners.add(attempts.get(i));
                }
            }

            assertThat(winners).hasSize(1);
            assertThat(store.find(thirdPartySubject)).contains(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findByUsernameWhenLinkedAtSeveralProvidersThenAllOrderedByProviderThenSubject() {
        AccountLink oidcB = link("oidc:acme", "b", JANE);
        AccountLink google = link("google", "9", JANE);
        AccountLink oidcA = link("oidc:acme", "a", JANE);
        AccountLink facebook = link("facebook", "5", JANE);
        store.link(oidcB);
        store.link(google);
        store.link(oidcA);
        store.link(facebook);
        store.link(link("google", "other", JOHN));

        List<AccountLink> links = store.findByUsername(JANE);

        assertThat(links).containsExactly(facebook, google, oidcA, oidcB);
    }

    @Test
    void findByUsernameWhenNoLinkThenEmpty() {
        store.link(link("google", "1", JOHN));

        assertThat(store.findByUsername(JANE)).isEmpty();
    }

    @Test
    void unlinkWhenLinkedThenTrueAndGone() {
        AccountLink link = link("google", "1", JANE);
        store.link(link);

        assertThat(store.unlink(link.thirdPartySubject())).isTrue();

        assertThat(store.find(link.thirdPartySubject())).isEmpty();
        assertThat(store.findByUsername(JANE)).isEmpty();
    }

    @Test
    void unlinkWhenUnknownThenFalse() {
        assertThat(store.unlink(ThirdPartySubject.of("google", "nobody"))).isFalse();
    }

    @Test
    void linkWhenUnlinkedBeforeThenTrueAndNewLinkKept() {
        AccountLink old = link("google", "1", JANE);
        store.link(old);
        store.unlink(old.thirdPartySubject());
        AccountLink relinked = new AccountLink(old.thirdPartySubject(), JOHN, LINKED_AT.plusSeconds(1));

        assertThat(store.link(relinked)).isTrue();

        assertThat(store.find(old.thirdPartySubject())).contains(relinked);
    }

    @Test
    void unlinkAllWhenUserHasTwoLinksThenTwoAndOtherUsersKept() {
        store.link(link("google", "1", JANE));
        store.link(link("facebook", "2", JANE));
        AccountLink johns = link("google", "3", JOHN);
        store.link(johns);

        int removed = store.unlinkAll(JANE);

        assertThat(removed).isEqualTo(2);
        assertThat(store.findByUsername(JANE)).isEmpty();
        assertThat(store.find(johns.thirdPartySubject())).contains(johns);
    }

    @Test
    void unlinkAllWhenUserHasNoLinkThenZero() {
        assertThat(store.unlinkAll(JANE)).isZero();
    }
}
