package dev.tokenservice.core;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenPrincipal;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.testkit.MutableClock;
import dev.tokenservice.testkit.TestClients;
import java.time.Duration;
import java.util.Set;

/** Administrators for tests that are not about authorization (e.g. a failing store, where none could be authorized). */
public final class TestAdministrators {
    private TestAdministrators() { }

    public static Administrator any() {
        TokenSummary token = new TokenSummary(TokenId.of("admin-token"), TestClients.ADMIN_ID, null, Scope.EMPTY,
                MutableClock.DEFAULT_START, MutableClock.DEFAULT_START.plus(Duration.ofHours(1)));
        return new Administrator(new TokenPrincipal(token, Set.of(Authority.TOKENS_ADMIN)));
    }
}
