package dev.tokenservice.http.thirdparty;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the provider endpoints of the configuration. */
final class ProviderUris {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private ProviderUris() { }

    /**
     * Refuses a URL that is not absolute {@code https}: keys fetched or answers read in clear could be forged on the
     * way. Plain {@code http} is allowed only to a loopback address (a local stub in tests).
     */
    static void requireSafe(URI uri, String what) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(what + " must be an absolute https URL");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(what + " must use https (http only to a loopback address)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must have no query or fragment");
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4.matcher(bare).matches()) {
            return bare.startsWith("127.");
        }
        // An IPv6 literal (it has colons) is parsed, never looked up.
        if (!bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
