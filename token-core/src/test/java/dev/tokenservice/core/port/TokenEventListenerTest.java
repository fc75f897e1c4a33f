package dev.tokenservice.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.port.TokenEventListener.AuthenticationFailed;
import dev.tokenservice.core.port.TokenEventListener.Party;
import dev.tokenservice.core.port.TokenEventListener.RevocationCause;
import dev.tokenservice.core.port.TokenEventListener.Revoked;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEventListenerTest {

    @Test
    void allOfWhenNoListenerThenNone() {
        assertThat(TokenEventListener.allOf(List.of())).isSameAs(TokenEventListener.NONE);
    }

    @Test
    void allOfWhenOneListenerThenThatListener() {
        TokenEventListener only = new TokenEventListener() { };

        assertThat(TokenEventListener.allOf(List.of(only))).isSameAs(only);
    }

    @Test
    void allOfWhenSeveralListenersThenEachHearsEveryEventInOrder() {
        List<String> heard = new ArrayList<>();
        TokenEventListener all = TokenEventListener.allOf(List.of(named("audit", heard), named("metrics", heard)));

        all.revoked(new Revoked(RevocationCause.ADMINISTRATION, 2));
        all.authenticationFailed(new AuthenticationFailed(Party.CLIENT, "web.app"));

        assertThat(heard).containsExactly("audit revoked", "metrics revoked", "audit failed", "metrics failed");
    }

    private static TokenEventListener named(String name, List<String> heard) {
        return new TokenEventListener() {
            @Override
            public void revoked(Revoked event) {
                heard.add(name + " revoked");
            }

            @Override
            public void authenticationFailed(AuthenticationFailed event) {
                heard.add(name + " failed");
            }
        };
    }
}
