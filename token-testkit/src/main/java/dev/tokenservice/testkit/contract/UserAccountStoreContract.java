package dev.tokenservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.auth.StoredUserDirectory;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.UserAccountStore;
import dev.tokenservice.core.port.UserDirectory;
import dev.tokenservice.testkit.TestHashers;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a stored user directory: a {@link UserAccountStore} keeps accounts exactly, and the core's
 * {@link StoredUserDirectory} over it authenticates them. Extend it and return a fresh empty store.
 */
public abstract class UserAccountStoreContract {
    private final SecretHasher hasher = TestHashers.fast();
    private UserAccountStore accounts;
    private UserDirectory directory;

    /** Returns an empty account store; called before every test. */
    protected abstract UserAccountStore newAccountStore();

    @BeforeEach
    final void setUpStore() {
        accounts = newAccountStore();
        directory = new StoredUserDirectory(accounts, hasher);
    }

    private UserAccount account(String username, String password, Authority... authorities) {
        return new UserAccount(Username.of(username), hasher.hash(password), Set.of(authorities));
    }

    @Test
    void findByUsernameWhenSavedThenReturnsEqualAccount() {
        UserAccount jane = account("jane.doe@example.com", "pa ss+word", Authority.TOKENS_ADMIN, Authority.of("X"));

        accounts.save(jane);

        assertThat(accounts.findByUsername(jane.username())).contains(jane);
    }

    @Test
    void findByUsernameWhenUnknownThenEmpty() {
        assertThat(accounts.findByUsername(Username.of("nobody"))).isEmpty();
    }

    @Test
    void findByUsernameWhenCaseDiffersThenEmpty() {
        accounts.save(account("jane", "pw"));

        assertThat(accounts.findByUsername(Username.of("JANE"))).isEmpty();
    }

    @Test
    void saveWhenUsernameExistsThenReplacesTheAccount() {
        accounts.save(account("jane", "old"));
        UserAccount replacement = account("jane", "new", Authority.TOKENS_ADMIN);

        accounts.save(replacement);

        assertThat(accounts.findByUsername(Username.of("jane"))).contains(replacement);
    }

    @Test
    void deleteWhenPresentThenTrueAndGone() {
        accounts.save(account("jane", "pw"));

        assertThat(accounts.delete(Username.of("jane"))).isTrue();

        assertThat(accounts.findByUsername(Username.of("jane"))).isEmpty();
    }

    @Test
    void deleteWhenAbsentThenFalse() {
        assertThat(accounts.delete(Username.of("nobody"))).isFalse();
    }

    @Test
    void authenticateWhenPasswordRightThenReturnsTheOwnerWithAuthorities() {
        accounts.save(account("jane", "pa ss+word", Authority.TOKENS_ADMIN));

        assertThat(directory.authenticate(Username.of("jane"), Password.of("pa ss+word")))
                .contains(new ResourceOwner(Username.of("jane"), Set.of(Authority.TOKENS_ADMIN)));
    }

    @Test
    void authenticateWhenPasswordWrongThenEmpty() {
        accounts.save(account("jane", "right"));

        assertThat(directory.authenticate(Username.of("jane"), Password.of("wrong"))).isEmpty();
    }

    @Test
    void authenticateWhenUserUnknownThenEmpty() {
        assertThat(directory.authenticate(Username.of("nobody"), Password.of("anything"))).isEmpty();
    }

    @Test
    void authenticateWhenAccountDeletedThenEmpty() {
        accounts.save(account("jane", "pw"));
        accounts.delete(Username.of("jane"));

        assertThat(directory.authenticate(Username.of("jane"), Password.of("pw"))).isEmpty();
    }

    @Test
    void findByUsernameWhenSavedWithoutPasswordThenReturnsEqualAccount() {
        UserAccount linked = UserAccount.withoutPassword(Username.of("google:110169484474386276334"),
                Set.of(Authority.of("X")));

        accounts.save(linked);

        assertThat(accounts.findByUsername(linked.username())).contains(linked);
        assertThat(directory.findByUsername(linked.username())).contains(linked.owner());
    }

    @Test
    void authenticateWhenAccountHasNoPasswordThenEmptyWhateverIsPresented() {
        accounts.save(UserAccount.withoutPassword(Username.of("google:1"), Set.of()));

        for (String presented : new String[] {"", " ", "$none$", "none", "password"}) {
            assertThat(directory.authenticate(Username.of("google:1"), Password.of(presented)))
                    .as("password %s", presented).isEmpty();
        }
    }
}
