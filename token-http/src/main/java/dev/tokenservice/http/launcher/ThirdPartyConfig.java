package dev.tokenservice.http.launcher;

import dev.tokenservice.http.thirdparty.FacebookSettings;
import dev.tokenservice.http.thirdparty.OidcProviderSettings;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the providers whose tokens the third-party grants accept from the server's settings (environment variables,
 * or the system properties that override them). A provider is on when its client ids (or, for Facebook, its app) are set:
 *
 * <table>
 * <caption>settings</caption>
 * <tr><td>{@code TOKEN_GOOGLE_CLIENT_IDS}</td><td>our OAuth client ids at Google, comma-separated; turns the grant
 *     {@code google} on</td></tr>
 * <tr><td>{@code TOKEN_GOOGLE_CREATE_USERS}</td><td>{@code true} (default): a first sign-in creates a user</td></tr>
 * <tr><td>{@code TOKEN_GOOGLE_ISSUERS}, {@code TOKEN_GOOGLE_JWKS_URL}</td><td>Google's, by default</td></tr>
 * <tr><td>{@code TOKEN_FACEBOOK_APP_ID}, {@code TOKEN_FACEBOOK_APP_SECRET}</td><td>our Facebook app; turn the grant
 *     {@code facebook} on</td></tr>
 * <tr><td>{@code TOKEN_FACEBOOK_CREATE_USERS}</td><td>{@code true} (default)</td></tr>
 * <tr><td>{@code TOKEN_FACEBOOK_GRAPH_URL}</td><td>{@code https://graph.facebook.com} by default</td></tr>
 * <tr><td>{@code TOKEN_OIDC_PROVIDERS}</td><td>names of other OpenID Connect providers, comma-separated, e.g.
 *     {@code acme}; each needs {@code TOKEN_OIDC_<NAME>_ISSUER} and {@code _CLIENT_IDS}, and may set
 *     {@code _JWKS_URL} (by default read from the issuer's discovery document, with the signing algorithms),
 *     {@code _CREATE_USERS} (default {@code true}), {@code _REQUIRE_NONCE} (default {@code false}) and
 *     {@code _GRANT_TYPE} (default {@code oidc:<name>})</td></tr>
 * <tr><td>{@code TOKEN_PROVIDER_TIMEOUT}</td><td>seconds one call to a provider may take (default 5)</td></tr>
 * </table>
 */
final class ThirdPartyConfig {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern LIST = Pattern.compile("[,\\s]+");

    private final Settings settings;

    private ThirdPartyConfig(Settings settings) {
        this.settings = settings;
    }

    /**
     * The providers configured in {@code settings}.
     *
     * @throws IllegalArgumentException naming the setting that is missing or not valid
     */
    static ThirdPartyProviders read(Settings settings) {
        return new ThirdPartyConfig(settings).read();
    }

    private ThirdPartyProviders read() {
        ThirdPartyProviders providers = ThirdPartyProviders.NONE.withTimeout(Duration.ofSeconds(
                settings.positive("TOKEN_PROVIDER_TIMEOUT", ThirdPartyProviders.DEFAULT_TIMEOUT.getSeconds())));
        Optional<OidcProviderSettings> google = google();
        if (google.isPresent()) {
            providers = providers.with(google.get());
        }
        Optional<FacebookSettings> facebook = facebook();
        if (facebook.isPresent()) {
            providers = providers.with(facebook.get());
        }
        for (String name : list("TOKEN_OIDC_PROVIDERS")) {
            providers = add(providers, openIdProvider(name.toLowerCase(Locale.ROOT)), "TOKEN_OIDC_PROVIDERS");
        }
        return providers;
    }

    private Optional<OidcProviderSettings> google() {
        Set<String> clientIds = list("TOKEN_GOOGLE_CLIENT_IDS");
        if (clientIds.isEmpty()) {
            requireUnset("TOKEN_GOOGLE_CLIENT_IDS", "TOKEN_GOOGLE_ISSUERS", "TOKEN_GOOGLE_JWKS_URL",
                    "TOKEN_GOOGLE_CREATE_USERS");
            return Optional.empty();
        }
        return Optional.of(build("TOKEN_GOOGLE_*", () -> {
            Set<String> issuers = list("TOKEN_GOOGLE_ISSUERS");
            return OidcProviderSettings.google(clientIds, bool("TOKEN_GOOGLE_CREATE_USERS", true))
                    .withIssuers(issuers.isEmpty() ? OidcProviderSettings.GOOGLE_ISSUERS : issuers)
                    .withJwksUri(uri("TOKEN_GOOGLE_JWKS_URL").orElse(OidcProviderSettings.GOOGLE_JWKS_URI));
        }));
    }

    private Optional<FacebookSettings> facebook() {
        Optional<String> appId = settings.text("TOKEN_FACEBOOK_APP_ID");
        Optional<String> appSecret = settings.text("TOKEN_FACEBOOK_APP_SECRET");
        if (appId.isEmpty() && appSecret.isEmpty()) {
            requireUnset("TOKEN_FACEBOOK_APP_ID", "TOKEN_FACEBOOK_GRAPH_URL", "TOKEN_FACEBOOK_CREATE_USERS");
            return Optional.empty();
        }
        String id = appId.orElseThrow(() -> new IllegalArgumentException(
                "TOKEN_FACEBOOK_APP_ID is required with TOKEN_FACEBOOK_APP_SECRET"));
        String secret = appSecret.orElseThrow(() -> new IllegalArgumentException(
                "TOKEN_FACEBOOK_APP_SECRET is required with TOKEN_FACEBOOK_APP_ID"));
        return Optional.of(build("TOKEN_FACEBOOK_*", () -> FacebookSettings
                .of(id, secret, bool("TOKEN_FACEBOOK_CREATE_USERS", true))
                .withGraphUri(uri("TOKEN_FACEBOOK_GRAPH_URL").orElse(FacebookSettings.GRAPH_URI))));
    }

    private OidcProviderSettings openIdProvider(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("TOKEN_OIDC_PROVIDERS: a provider name is 1 to 32 letters, digits or _");
        }
        String prefix = "TOKEN_OIDC_" + name.toUpperCase(Locale.ROOT) + "_";
        String issuer = required(prefix + "ISSUER");
        // Without a JWK set URL, the provider's discovery document names it.
        URI jwks = uri(prefix + "JWKS_URL").orElse(null);
        Set<String> clientIds = list(prefix + "CLIENT_IDS");
        if (clientIds.isEmpty()) {
            throw new IllegalArgumentException(prefix + "CLIENT_IDS is required");
        }
        String grantType = settings.text(prefix + "GRANT_TYPE").orElse("oidc:" + name);
        return build(prefix + "*", () -> OidcProviderSettings.of(grantType, issuer, jwks, clientIds,
                        bool(prefix + "CREATE_USERS", true))
                .withRequireNonce(bool(prefix + "REQUIRE_NONCE", false)));
    }

    private static ThirdPartyProviders add(ThirdPartyProviders providers, OidcProviderSettings provider, String variable) {
        try {
            return providers.with(provider);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage());
        }
    }

    private static <T> T build(String variables, Supplier<T> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variables + ": " + e.getMessage());
        }
    }

    private void requireUnset(String enabling, String... others) {
        for (String other : others) {
            if (settings.text(other).isPresent() && !other.equals(enabling)) {
                throw new IllegalArgumentException(other + " is set but " + enabling + " is not");
            }
        }
    }

    private String required(String variable) {
        return settings.text(variable).orElseThrow(() -> new IllegalArgumentException(variable + " is required"));
    }

    private Set<String> list(String variable) {
        return settings.text(variable)
                .map(text -> Arrays.stream(LIST.split(text)).filter(item -> !item.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .map(Collections::unmodifiableSet)
                .orElse(Set.of());
    }

    private boolean bool(String variable, boolean absent) {
        Optional<String> text = settings.text(variable);
        if (text.isEmpty()) {
            return absent;
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false");
        };
    }

    private Optional<URI> uri(String variable) {
        Optional<String> text = settings.text(variable);
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(new URI(text.get()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " is not a URL");
        }
    }
}
