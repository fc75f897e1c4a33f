package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TokenOwnerTest {
    private static final Username JANE = Username.of("jane");
    private static final ClientId WEB = ClientId.of("web.app");

    @Test
    void constructorWhenNeitherSideThenIllegalArgument() {
        Username username = null;
        ClientId clientId = null;

        assertThatIllegalArgumentException().isThrownBy(() -> new TokenOwner(username, clientId));
    }

    @Test
    void matchesWhenUserOwnerThenMatchesThatUserWithAnyClient() {
        TokenOwner owner = TokenOwner.user(JANE);

        boolean matches = owner.matches(ClientId.of("other"), JANE);

        assertThat(matches).isTrue();
    }

    @Test
    void matchesWhenUserOwnerThenSkipsClientOnlyTokens() {
        TokenOwner owner = TokenOwner.user(JANE);

        boolean matches = owner.matches(WEB, null);

        assertThat(matches).isFalse();
    }

    @Test
    void matchesWhenClientOwnerThenMatchesClientOnlyTokens() {
        TokenOwner owner = TokenOwner.client(WEB);

        boolean matches = owner.matches(WEB, null);

        assertThat(matches).isTrue();
    }

    @Test
    void matchesWhenPairOwnerAndOtherUserThenFalse() {
        TokenOwner owner = TokenOwner.pair(JANE, WEB);

        boolean matches = owner.matches(WEB, Username.of("john"));

        assertThat(matches).isFalse();
    }
}
