package dev.tokenservice.http.social;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The identity providers whose tokens the server accepts, one social grant each, and how long a call to a provider
 * may take.
 *
 * @param providers the providers; grant names are unique
 * @param timeout   the longest one call to a provider may take, connection included
 */
public record SocialSettings(List<ProviderSettings> providers, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** No social grant. */
    public static final SocialSettings NONE = new SocialSettings(List.of(), DEFAULT_TIMEOUT);

    public SocialSettings {
        providers = List.copyOf(providers);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the provider timeout must be positive");
        }
        Set<String> names = new HashSet<>();
        for (ProviderSettings provider : providers) {
            if (!names.add(provider.grantType())) {
                throw new IllegalArgumentException("two providers for the grant type " + provider.grantType());
            }
        }
    }

    /** These settings with one more provider. */
    public SocialSettings with(ProviderSettings provider) {
        List<ProviderSettings> all = new ArrayList<>(providers);
        all.add(Objects.requireNonNull(provider, "provider"));
        return new SocialSettings(all, timeout);
    }

    /** These settings with another timeout. */
    public SocialSettings withTimeout(Duration value) {
        return new SocialSettings(providers, value);
    }

    /** The grant names, in configuration order. */
    public List<String> grantTypes() {
        return providers.stream().map(ProviderSettings::grantType).toList();
    }
}
