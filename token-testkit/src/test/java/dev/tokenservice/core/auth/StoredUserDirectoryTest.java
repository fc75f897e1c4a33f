package dev.tokenservice.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Password;
import dev.tokenservice.core.model.ResourceOwner;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.testkit.InMemoryUserAccountStore;
import dev.tokenservice.testkit.TestHashers;
import dev.tokenservice.testkit.TestUsers;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredUserDirectoryTest {
    private final UserAccount carol = TestUsers.user("carol", "carol-password", Authority.of("ORDERS_READ"));
    private final InMemoryUserAccountStore accounts = InMemoryUserAccountStore.of(TestUsers.alice(), carol);
    private final CountingSecretHasher hasher = new CountingSecretHasher(TestHashers.fast());
    private final StoredUserDirectory directory = new StoredUserDirectory(accounts, hasher);

    @Test
    void authenticateWhenPasswordIsRightThenReturnsOwnerWithAuthorities() {
        Optional<ResourceOwner> owner = directory.authenticate(carol.username(), Password.of("carol-password"));

        assertThat(owner).contains(new ResourceOwner(carol.username(), carol.authorities()));
    }

    @Test
    void authenticateWhenPasswordIsWrongThenEmpty() {
        Optional<ResourceOwner> owner = directory.authenticate(TestUsers.ALICE, Password.of("wrong"));

        assertThat(owner).isEmpty();
    }

    @Test
    void authenticateWhenUserIsUnknownThenEmpty() {
        Optional<ResourceOwner> owner = directory.authenticate(Username.of("mallory"), Password.of("anything"));

        assertThat(owner).isEmpty();
    }

    @Test
    void authenticateWhenUserIsUnknownThenVerifiesOneHashOfThePasswordScheme() {
        directory.authenticate(Username.of("mallory"), Password.of("anything"));

        assertThat(hasher.verifiedSchemes()).containsExactly(TestUsers.alice().passwordHash().scheme());
    }

    @Test
    void authenticateWhenPasswordIsWrongThenVerifiesOneHashOfThePasswordScheme() {
        directory.authenticate(TestUsers.ALICE, Password.of("wrong"));

        assertThat(hasher.verifiedSchemes()).containsExactly(TestUsers.alice().passwordHash().scheme());
    }

    @Test
    void constructorWhenCalledThenHashesNothing() {
        CountingSecretHasher counting = new CountingSecretHasher(TestHashers.fast());

        new StoredUserDirectory(accounts, counting);

        assertThat(counting.hashes()).isZero();
    }

    @Test
    void authenticateWhenFirstCallIsForKnownUserThenMakesTheDummyHashAsForAnUnknownOne() {
        CountingSecretHasher known = new CountingSecretHasher(TestHashers.fast());
        CountingSecretHasher unknown = new CountingSecretHasher(TestHashers.fast());

        new StoredUserDirectory(accounts, known).authenticate(TestUsers.ALICE, Password.of(TestUsers.ALICE_PASSWORD));
        new StoredUserDirectory(accounts, unknown).authenticate(Username.of("mallory"), Password.of("anything"));

        assertThat(known.hashes()).isEqualTo(1).isEqualTo(unknown.hashes());
    }

    @Test
    void authenticateWhenCalledAgainThenReusesTheDummyHash() {
        directory.authenticate(Username.of("mallory"), Password.of("anything"));
        directory.authenticate(Username.of("trudy"), Password.of("anything"));
        directory.authenticate(TestUsers.ALICE, Password.of("wrong"));

        assertThat(hasher.hashes()).isEqualTo(1);
        assertThat(hasher.verifications()).isEqualTo(3);
    }

    @Test
    void authenticateWhenUsernameDiffersInCaseThenEmpty() {
        Optional<ResourceOwner> owner = directory.authenticate(Username.of("ALICE"), Password.of(TestUsers.ALICE_PASSWORD));

        assertThat(owner).isEmpty();
    }

    @Test
    void findByUsernameWhenAccountDeletedThenEmpty() {
        accounts.delete(TestUsers.ALICE);

        Optional<ResourceOwner> owner = directory.findByUsername(TestUsers.ALICE);

        assertThat(owner).isEmpty();
    }
}
