package dev.tokenservice.http.thirdparty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The providers whose tokens the server accepts, one third-party grant each, and how long a call to a provider may
 * take.
 *
 * @param providers the providers; grant names are unique
 * @param timeout   the longest one call to a provider may take, connection included
 */
public record ThirdPartyProviders(List<ProviderSettings> providers, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** No third-party grant. */
    public static final ThirdPartyProviders NONE = new ThirdPartyProviders(List.of(), DEFAULT_TIMEOUT);

    public ThirdPartyProviders {
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
    public ThirdPartyProviders with(ProviderSettings provider) {
        List<ProviderSettings> all = new ArrayList<>(providers);
        all.add(Objects.requireNonNull(provider, "provider"));
        return new ThirdPartyProviders(all, timeout);
    }

    /** These settings with another timeout. */
    public ThirdPartyProviders withTimeout(Duration value) {
        return new ThirdPartyProviders(providers, value);
    }

    /** The grant names, in configuration order. */
    public List<String> grantTypes() {
        return providers.stream().map(ProviderSettings::grantType).toList();
    }
}
