package dev.tokenservice.http.launcher;

import dev.tokenservice.http.discovery.MetadataSettings;
import dev.tokenservice.http.web.ForwardedBaseUrl;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Applies Jetty's {@link ForwardedRequestCustomizer} ({@code Forwarded}, RFC 7239, and {@code X-Forwarded-Proto},
 * {@code -Host}, {@code -Port}, {@code -For}) to the requests whose peer is a trusted proxy, and to no other: the
 * customizer alone believes every peer, so a client could name any scheme, host or address. With no issuer configured,
 * a request that carries such headers from a trusted proxy also gets the public base URL they name
 * ({@link ForwardedBaseUrl}), from which the metadata builds its URLs. Thread-safe.
 */
final class TrustedProxyCustomizer implements HttpConfiguration.Customizer {
    private final InetAddressSet proxies = new InetAddressSet();
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
    private final boolean publishBaseUrl;

    /**
     * @param proxies        the addresses and CIDR blocks of the trusted proxies (checked by {@link EdgeSettings})
     * @param publishBaseUrl whether forwarded requests carry their public base URL (when no issuer is configured)
     */
    TrustedProxyCustomizer(List<String> proxies, boolean publishBaseUrl) {
        proxies.forEach(this.proxies::add);
        this.publishBaseUrl = publishBaseUrl;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!(peer instanceof InetSocketAddress address) || address.getAddress() == null
                || !proxies.test(address.getAddress())) {
            return request;
        }
        Request customized = forwarded.customize(request, responseHeaders);
        // Without any forwarded header (the customizer then hands the request back), the default issuer stays.
        if (publishBaseUrl && customized != request) {
            String baseUrl = baseUrl(customized);
            if (baseUrl != null) {
                customized.setAttribute(ForwardedBaseUrl.ATTRIBUTE, baseUrl);
            }
        }
        return customized;
    }

    /** {@code scheme://host[:port]} of the request as forwarded; {@code null} when that is no valid base URL. */
    private static String baseUrl(Request request) {
        String scheme = request.getHttpURI().getScheme();
        String host = Request.getServerName(request);
        int port = Request.getServerPort(request);
        if (scheme == null || host == null || host.isEmpty()) {
            return null;
        }
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort = port <= 0 || HttpScheme.CACHE.get(scheme) != null
                && HttpScheme.CACHE.get(scheme).getDefaultPort() == port;
        String url = scheme + "://" + bracketed + (defaultPort ? "" : ":" + port);
        try {
            MetadataSettings.requireHttpUrl(url, "forwarded base URL");
            return url;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TrustedProxyCustomizer[" + proxies + "]";
    }
}
