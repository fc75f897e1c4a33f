package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.RevocationSettings;
import java.util.Objects;

/**
 * The stand-alone server's revocation switches and default scopes, set over the defaults of {@link TokenCoreModule}.
 *
 * <p>Provides (overriding defaults): {@link RevocationSettings}, {@code @DefaultScopes Scope}. Requires: nothing.
 */
public final class PolicyModule extends AbstractModule {
    private final RevocationSettings revocation;
    private final Scope defaultScopes;

    public PolicyModule(RevocationSettings revocation, Scope defaultScopes) {
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.defaultScopes = Objects.requireNonNull(defaultScopes, "defaultScopes");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), RevocationSettings.class).setBinding().toInstance(revocation);
        OptionalBinder.newOptionalBinder(binder(), Key.get(Scope.class, DefaultScopes.class)).setBinding()
                .toInstance(defaultScopes);
    }
}
