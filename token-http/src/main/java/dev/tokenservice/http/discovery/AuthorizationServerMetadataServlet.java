package dev.tokenservice.http.discovery;

import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.ClientAuthMethod;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.http.json.AuthorizationServerMetadataJson;
import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.ForwardedBaseUrl;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Authorization server metadata (RFC 8414 §3), {@code GET /.well-known/oauth-authorization-server}: the issuer, the
 * endpoint URLs built from it (the JWK set of JWT access tokens included), {@code grant_types_supported} from the
 * grant strategies the core was built with (extension grants included), the client authentication methods of each
 * endpoint, the configured scopes and the documentation URL. Built once: none of it changes while the server runs,
 * except the base of the URLs for a request that a trusted proxy forwarded while no issuer is configured
 * ({@link ForwardedBaseUrl}). Thread-safe.
 */
public final class AuthorizationServerMetadataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ALLOW = "GET";
    /** Public clients send {@code client_id} alone: at the token endpoint, and to revoke their own tokens (RFC 7009 §2.1). */
    private static final List<String> CLIENT_AUTH_METHODS = List.of(ClientAuthMethod.CLIENT_SECRET_BASIC.wireName(),
            ClientAuthMethod.CLIENT_SECRET_POST.wireName(), ClientAuthMethod.NONE.wireName());
    /** Introspection needs a confidential client (or an administrator's bearer token, which RFC 8414 cannot name). */
    private static final List<String> SECRET_AUTH_METHODS = List.of(ClientAuthMethod.CLIENT_SECRET_BASIC.wireName(),
            ClientAuthMethod.CLIENT_SECRET_POST.wireName());

    private final transient TokenService tokens;
    private final transient MetadataSettings settings;
    private final transient AuthorizationServerMetadataJson metadata;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public AuthorizationServerMetadataServlet(TokenService tokens, MetadataSettings settings, ErrorResponses errors,
            JsonWriter json) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metadata = metadata(tokens, settings);
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The metadata a core and its settings advertise. */
    static AuthorizationServerMetadataJson metadata(TokenService tokens, MetadataSettings settings) {
        List<String> grantTypes = tokens.grantTypes().stream().map(GrantType::value).sorted().toList();
        return new AuthorizationServerMetadataJson(
                settings.issuer(),
                settings.endpoint(EndpointPaths.TOKEN),
                settings.endpoint(EndpointPaths.JWKS),
                settings.endpoint(EndpointPaths.REVOCATION),
                settings.endpoint(EndpointPaths.INTROSPECTION),
                grantTypes,
                List.of(),
                CLIENT_AUTH_METHODS,
                CLIENT_AUTH_METHODS,
                SECRET_AUTH_METHODS,
                List.copyOf(settings.scopesSupported().sorted()),
                settings.serviceDocumentation());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ALLOW.equals(request.getMethod())) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), ALLOW));
            return;
        }
        json.write(response, HttpServletResponse.SC_OK, ForwardedBaseUrl.of(request)
                .map(base -> metadata(tokens, settings.withIssuer(base))).orElse(metadata));
    }
}
