package dev.tokenservice.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.tokenservice.core.port.AccessTokenSigner;
import dev.tokenservice.http.jwt.JwtAccessTokenSigner;
import dev.tokenservice.http.jwt.SigningKeys;
import java.util.Objects;

/**
 * JWT access tokens (RFC 9068): their signer over a ring of signing keys.
 *
 * <p>Provides (overriding defaults): {@link AccessTokenSigner} (of {@link TokenCoreModule}) and {@link SigningKeys}
 * (of {@link HttpModule}, which publishes and rotates them). Requires: nothing.
 */
public final class JwtModule extends AbstractModule {
    private final SigningKeys keys;
    private final String issuer;
    private final String audience;

    /**
     * @param keys     the signing keys
     * @param issuer   the {@code iss} of the tokens, the server's issuer identifier
     * @param audience the {@code aud} of the tokens
     */
    public JwtModule(SigningKeys keys, String issuer, String audience) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), SigningKeys.class).setBinding().toInstance(keys);
        OptionalBinder.newOptionalBinder(binder(), AccessTokenSigner.class).setBinding()
                .toInstance(new JwtAccessTokenSigner(keys, issuer, audience));
    }
}
