package dev.tokenservice.http.launcher;

import dev.tokenservice.http.web.EndpointPaths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * CORS (the Fetch standard's CORS protocol) for scripts of the configured origins on the endpoints a browser client
 * calls: the token endpoint (all its paths), revocation and token administration. Jetty's {@link CrossOriginHandler}
 * does the work: it answers preflights itself ({@code 200}, the allowed methods and request headers, a max age) and
 * adds {@code Access-Control-Allow-Origin} to the answers for an allowed origin; another origin gets no CORS header at
 * all, and its requests are served as any other (the browser then withholds the answer from the script). Every answer
 * on these paths carries {@code Vary: Origin}. Credentials mode is off: the API takes no cookie, and a script sends
 * the {@code Authorization} header itself. Introspection, the metadata and the health check get no CORS: resource
 * servers and monitors are no browsers. Thread-safe once started.
 */
final class CrossOriginPaths extends Handler.Wrapper {
    /** The methods of the paths above; {@code OPTIONS} needs no permission. */
    static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");
    /** What the SDKs send beyond the CORS-safelisted headers: bearer or Basic credentials, JSON or form bodies. */
    static final Set<String> REQUEST_HEADERS = Set.of("Authorization", "Content-Type");
    /** What a script may read beyond the safelisted response headers: the challenge of a {@code 401}. */
    static final Set<String> EXPOSED_HEADERS = Set.of("WWW-Authenticate");

    private final Handler target;

    private CrossOriginPaths(CrossOriginHandler crossOrigin, Handler target) {
        super(crossOrigin);
        this.target = target;
    }

    /** {@code target}, with CORS for {@code origins} on the paths above; {@code target} itself for no origin. */
    static Handler wrap(Handler target, List<String> origins, Duration maxAge) {
        if (origins.isEmpty()) {
            return target;
        }
        CrossOriginHandler crossOrigin = new CrossOriginHandler();
        // Exact matches: Jetty reads the origins as regular expressions, where a '.' would match any character.
        crossOrigin.setAllowedOriginPatterns(origins.stream().map(Pattern::quote).collect(Collectors.toSet()));
        crossOrigin.setAllowedMethods(METHODS);
        crossOrigin.setAllowedHeaders(REQUEST_HEADERS);
        crossOrigin.setExposedHeaders(EXPOSED_HEADERS);
        crossOrigin.setAllowCredentials(false);
        crossOrigin.setPreflightMaxAge(maxAge);
        crossOrigin.setHandler(target);
        return new CrossOriginPaths(crossOrigin, target);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = applies(Request.getPathInContext(request)) ? getHandler() : target;
        return next.handle(request, response, callback);
    }

    static boolean applies(String path) {
        return path.equals(EndpointPaths.TOKEN) || path.equals(EndpointPaths.TOKEN_ALIAS)
                || path.equals(EndpointPaths.TOKEN_API_V2) || path.equals(EndpointPaths.REVOCATION)
                || path.equals(EndpointPaths.ADMIN) || path.startsWith(EndpointPaths.ADMIN + "/");
    }
}
