package dev.tokenservice.http.launcher;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the server meets browsers and reverse proxies. Immutable.
 *
 * @param corsOrigins    {@code TOKEN_CORS_ORIGINS}: the origins ({@code scheme://host[:port]}, exactly as browsers send
 *                       them) whose scripts may call the token, revocation and administration endpoints; empty (the
 *                       default) for none. No wildcard: each origin is named
 * @param corsMaxAge     {@code TOKEN_CORS_MAX_AGE}: how long a browser may keep a preflight answer (default 600 s)
 * @param trustedProxies {@code TOKEN_TRUSTED_PROXIES}: the addresses and CIDR blocks (IP literals, never host names)
 *                       of the reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are believed;
 *                       empty (the default) for none: such headers are then ignored from every peer
 */
public record EdgeSettings(List<String> corsOrigins, Duration corsMaxAge, List<String> trustedProxies) {
    public static final Duration DEFAULT_CORS_MAX_AGE = Duration.ofMinutes(10);
    /** No browser origin, no trusted proxy. */
    public static final EdgeSettings NONE = new EdgeSettings(List.of(), DEFAULT_CORS_MAX_AGE, List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern LIST = Pattern.compile("[,\\s]+");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    public EdgeSettings {
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(corsMaxAge, "corsMaxAge");
        trustedProxies = List.copyOf(trustedProxies);
        corsOrigins.forEach(EdgeSettings::requireOrigin);
        if (corsMaxAge.isNegative()) {
            throw new IllegalArgumentException("TOKEN_CORS_MAX_AGE must not be negative");
        }
        trustedProxies.forEach(EdgeSettings::requireAddressOrBlock);
    }

    /**
     * Reads {@code TOKEN_CORS_ORIGINS} and {@code TOKEN_TRUSTED_PROXIES} (comma- or space-separated) and
     * {@code TOKEN_CORS_MAX_AGE} (seconds).
     */
    static EdgeSettings read(Settings settings) {
        return new EdgeSettings(list(settings, "TOKEN_CORS_ORIGINS"),
                Duration.ofSeconds(settings.nonNegative("TOKEN_CORS_MAX_AGE", DEFAULT_CORS_MAX_AGE.getSeconds())),
                list(settings, "TOKEN_TRUSTED_PROXIES"));
    }

    private static List<String> list(Settings settings, String variable) {
        return settings.text(variable).stream().flatMap(LIST::splitAsStream).filter(item -> !item.isEmpty())
                .distinct().toList();
    }

    /** These settings with other browser origins. */
    public EdgeSettings withCorsOrigins(List<String> origins) {
        return new EdgeSettings(origins, corsMaxAge, trustedProxies);
    }

    /** These settings with other trusted proxies. */
    public EdgeSettings withTrustedProxies(List<String> proxies) {
        return new EdgeSettings(corsOrigins, corsMaxAge, proxies);
    }

    /** An origin as browsers serialize it (RFC 6454 §6.2): lower-case scheme and host, no path, no trailing slash. */
    private static void requireOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("TOKEN_CORS_ORIGINS: " + origin + " is not an origin");
        }
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        boolean bare = uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!web || !bare || !origin.equals(origin.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("TOKEN_CORS_ORIGINS: " + origin
                    + " is not an origin: write scheme://host[:port] in lower case, without a path or trailing slash");
        }
    }

    /** An IP address or a CIDR block of IP literals; a host name is refused, so that nothing is looked up. */
    private static void requireAddressOrBlock(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        boolean literal = IPV4.matcher(address).matches() || address.contains(":");
        try {
            if (!literal) {
                throw new UnknownHostException(address);
            }
            int bits = InetAddress.getByName(address).getAddress().length * 8;
            if (slash >= 0) {
                String prefix = entry.substring(slash + 1);
                if (!PREFIX.matcher(prefix).matches() || Integer.parseInt(prefix) > bits) {
                    throw new UnknownHostException(entry);
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("TOKEN_TRUSTED_PROXIES: " + entry
                    + " is not an IP address or a CIDR block (such as 10.0.0.0/8 or fd00::/8)");
        }
    }
}
