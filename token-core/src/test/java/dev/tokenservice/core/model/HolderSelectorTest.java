package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HolderSelectorTest {
    private static final Username JANE = Username.of("jane");
    private static final ClientId WEB = ClientId.of("web.app");

    @Test
    void constructorWhenNeitherSideThenIllegalArgument() {
        Username username = null;
        ClientId clientId = null;

        assertThatIllegalArgumentException().isThrownBy(() -> new HolderSelector(clientId, username));
    }

    @Test
    void matchesWhenUserSelectorThenMatchesThatUserWithAnyClient() {
        HolderSelector selector = HolderSelector.user(JANE);

        boolean matches = selector.matches(ClientId.of("other"), JANE);

        assertThat(matches).isTrue();
    }

    @Test
    void matchesWhenUserSelectorThenSkipsClientOnlyTokens() {
        HolderSelector selector = HolderSelector.user(JANE);

        boolean matches = selector.matches(WEB, null);

        assertThat(matches).isFalse();
    }

    @Test
    void matchesWhenClientSelectorThenMatchesClientOnlyTokens() {
        HolderSelector selector = HolderSelector.client(WEB);

        boolean matches = selector.matches(WEB, null);

        assertThat(matches).isTrue();
    }

    @Test
    void matchesWhenPairSelectorAndOtherUserThenFalse() {
        HolderSelector selector = HolderSelector.pair(WEB, JANE);

        boolean matches = selector.matches(WEB, Username.of("john"));

        assertThat(matches).isFalse();
    }
}
