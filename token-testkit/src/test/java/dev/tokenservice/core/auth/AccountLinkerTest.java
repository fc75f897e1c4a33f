package dev.tokenservice.core.auth;

import static dev.tokenservice.core.OAuthFailures.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenservice.core.OAuthError;
import dev.tokenservice.core.model.AccountLink;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ThirdPartyIdentity;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.AccountLinkingPolicy;
import dev.tokenservice.core.port.StorageException;
import dev.tokenservice.core.port.TokenEventListener.AccountLinked;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.testkit.InMemoryPorts;
import dev.tokenservice.testkit.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AccountLinkerTest {
    private static final ThirdPartyIdentity JANE_AT_GOOGLE = new ThirdPartyIdentity(
            ThirdPartySubject.of("google", "110169484474386276334"), "jane@example.com", "Jane Doe");
    private static final Username JANE_LOCAL = Username.of("google:110169484474386276334");
    private static final AccountLinkingPolicy CREATE = AccountLinkingPolicy.createUsersOnFirstSignIn();
    private static final AccountLinkingPolicy LINKED_ONLY = AccountLinkingPolicy.existingLinksOnly();

    private final InMemoryPorts ports = new InMemoryPorts().with(TestUsers.alice());
    private final AccountLinker linker = ports.accountLinker();

    @Test
    void signInWhenFirstTimeAndPolicyCreatesThenNewUserWithoutPasswordAndLink() {
        ResourceOwner owner = linker.signIn(JANE_AT_GOOGLE, CREATE);

        assertThat(owner.username()).isEqualTo(JANE_LOCAL);
        assertThat(ports.accounts().findByUsername(JANE_LOCAL)).hasValueSatisfying(
                account -> assertThat(account.hasPassword()).isFalse());
        assertThat(ports.accountLinks().find(JANE_AT_GOOGLE.subject())).hasValueSatisfying(link -> {
            assertThat(link.username()).isEqualTo(JANE_LOCAL);
            assertThat(link.linkedAt()).isEqualTo(ports.clock().instant());
        });
        assertThat(ports.events().assertHeard(AccountLinked.class, 1))
                .containsExactly(new AccountLinked(JANE_AT_GOOGLE.subject(), JANE_LOCAL));
    }

    @Test
    void signInWhenSecondTimeThenSameUserAndNoNewEvent() {
        linker.signIn(JANE_AT_GOOGLE, CREATE);

        ResourceOwner again = linker.signIn(JANE_AT_GOOGLE, CREATE);

        assertThat(again.username()).isEqualTo(JANE_LOCAL);
        ports.events().assertHeard(AccountLinked.class, 1);
    }

    @Test
    void signInWhenLinkedToAnExistingUserThenThatUserWithItsAuthorities() {
        ports.accounts().save(TestUsers.user("jane", "pw", Authority.TOKENS_ADMIN));
        ports.accountLinks().link(new AccountLink(JANE_AT_GOOGLE.subject(), Username.of("jane"), ports.clock().instant()));

        ResourceOwner owner = linker.signIn(JANE_AT_GOOGLE, LINKED_ONLY);

        assertThat(owner).isEqualTo(new ResourceOwner(Username.of("jane"), Set.of(Authority.TOKENS_ADMIN)));
    }

    @Test
    void signInWhenUnlinkedAndPolicyCreatesNoneThenInvalidGrantAndNothingStored() {
        OAuthError error = errorOf(() -> linker.signIn(JANE_AT_GOOGLE, LINKED_ONLY));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(ports.accounts().findByUsername(JANE_LOCAL)).isEmpty();
        assertThat(ports.accountLinks().find(JANE_AT_GOOGLE.subject())).isEmpty();
    }

    @Test
    void signInWhenEmailMatchesALocalUserThenThatUserIsNotUsed() {
        ports.accounts().save(TestUsers.user("jane@example.com", "pw"));

        ResourceOwner owner = linker.signIn(JANE_AT_GOOGLE, CREATE);

        assertThat(owner.username()).isEqualTo(JANE_LOCAL);
    }

    @Test
    void signInWhenDerivedNameTakenByAnUnlinkedUserThenInvalidGrantAndNoLink() {
        UserAccount squatter = TestUsers.user(JANE_LOCAL.value(), "pw", Authority.TOKENS_ADMIN);
        ports.accounts().save(squatter);

        OAuthError error = errorOf(() -> linker.signIn(JANE_AT_GOOGLE, CREATE));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(ports.accountLinks().find(JANE_AT_GOOGLE.subject())).isEmpty();
        assertThat(ports.accounts().findByUsername(JANE_LOCAL)).contains(squatter);
    }

    @Test
    void signInWhenDerivedNamesOfTwoProvidersCollideThenSecondRefused() {
        linker.signIn(ThirdPartyIdentity.of("oidc:acme", "x"), CREATE);

        OAuthError error = errorOf(() -> linker.signIn(ThirdPartyIdentity.of("oidc", "acme:x"), CREATE));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(ports.accountLinks().find(ThirdPartySubject.of("oidc", "acme:x"))).isEmpty();
    }

    @Test
    void signInWhenLinkedUserWasDeletedAndPolicyCreatesThenUserCreatedAgain() {
        linker.signIn(JANE_AT_GOOGLE, CREATE);
        ports.accounts().delete(JANE_LOCAL);

        ResourceOwner owner = linker.signIn(JANE_AT_GOOGLE, CREATE);

        assertThat(owner.username()).isEqualTo(JANE_LOCAL);
        assertThat(ports.accounts().findByUsername(JANE_LOCAL)).isPresent();
    }

    @Test
    void signInWhenLinkedUserWasDeletedAndPolicyCreatesNoneThenInvalidGrant() {
        linker.signIn(JANE_AT_GOOGLE, CREATE);
        ports.accounts().delete(JANE_LOCAL);

        OAuthError error = errorOf(() -> linker.signIn(JANE_AT_GOOGLE, LINKED_ONLY));

        assertThat(error).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(ports.accounts().findByUsername(JANE_LOCAL)).isEmpty();
    }

    @Test
    void signInWhenUserStoreFailedDuringFirstSignInThenNextSignInCompletesIt() {
        FailOnceUserAccountStore flaky = new FailOnceUserAccountStore(ports.accounts());
        AccountLinker failing = new AccountLinker(ports.accountLinks(), flaky, ports.clock(), ports.events());

        assertThatThrownBy(() -> failing.signIn(JANE_AT_GOOGLE, CREATE)).isInstanceOf(StorageException.class);
        ResourceOwner owner = failing.signIn(JANE_AT_GOOGLE, CREATE);

        assertThat(owner.username()).isEqualTo(JANE_LOCAL);
        assertThat(ports.accounts().findByUsername(JANE_LOCAL)).isPresent();
        assertThat(ports.accountLinks().findByUsername(JANE_LOCAL)).hasSize(1);
    }

    @Test
    void signInWhenEightFirstSignInsRaceThenOneLinkOneUserAndAllAgree() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<ResourceOwner>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return linker.signIn(JANE_AT_GOOGLE, CREATE);
                }));
            }

            start.countDown();
            for (Future<ResourceOwner> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).username()).isEqualTo(JANE_LOCAL);
            }

            assertThat(ports.accountLinks().findByUsername(JANE_LOCAL)).hasSize(1);
            ports.events().assertHeard(AccountLinked.class, 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A user store whose first save fails, as a database that drops a connection once. */
    private static final class FailOnceUserAccountStore implements UserAccountStore {
        private final UserAccountStore delegate;
        private final AtomicBoolean failed = new AtomicBoolean();

        FailOnceUserAccountStore(UserAccountStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<UserAccount> findByUsername(Username username) {
            return delegate.findByUsername(username);
        }

        @Override
        public void save(UserAccount account) {
            if (failed.compareAndSet(false, true)) {
                throw new StorageException("connection lost");
            }
            delegate.save(account);
        }

        @Override
        public boolean delete(Username username) {
            return delegate.delete(username);
        }
    }
}
