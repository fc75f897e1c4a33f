package dev.tokenservice.http.oauth;

import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.TokenService;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Introspection;
import dev.tokenservice.core.model.IntrospectionRequest;
import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.http.json.IntrospectionJson;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.FailurePacing;
import dev.tokenservice.http.web.Headers;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The introspection endpoint (RFC 7662), {@code POST /oauth/introspect}, for resource servers. The caller authenticates
 * as a confidential client (HTTP Basic, or {@code client_id} and {@code client_secret} in the body), or presents a
 * bearer access token in the {@code Authorization} header whose holder has {@link Authority#TOKENS_ADMIN} (RFC 7662
 * §2.1 "some form of authorization"). A public client cannot introspect: it proves nothing about itself, and the
 * endpoint would tell anyone about any token. The answer (RFC 7662 §2.2) is {@link IntrospectionJson}; an expired,
 * revoked, used or unknown token is just {@code {"active": false}}. Errors (RFC 7662 §2.3): client authentication
 * failures as at the token endpoint ({@code 401 invalid_client}), bearer failures as RFC 6750 §3.1 says, a malformed
 * request {@code 400 invalid_request}. Every answer carries {@code Cache-Control: no-store}. The core decides who may
 * introspect; this servlet reads the request and writes the answer. Thread-safe.
 */
public final class IntrospectionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String BEARER = "bearer ";

    private final transient TokenService tokens;
    private final transient BearerAuthorization bearer;
    private final transient ClientFormEndpoint endpoint;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    /** @param pacing how soon a failed client authentication is answered */
    public IntrospectionServlet(TokenService tokens, TokenAdministration administration, ErrorResponses errors,
            JsonWriter json, FailurePacing pacing) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.bearer = new BearerAuthorization(administration, errors);
        this.endpoint = new ClientFormEndpoint(errors, pacing);
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        endpoint.serve(request, response, (authorization, body) -> {
            if (authorization.filter(value -> Headers.hasScheme(value, BEARER)).isPresent()) {
                introspectForBearer(authorization, request, body, response);
            } else {
                introspectForClient(authorization, request, body, response);
            }
        });
    }

    private void introspectForClient(Optional<String> authorization, HttpServletRequest request, byte[] body,
            HttpServletResponse response) throws IOException {
        answer(tokens.introspect(TokenParameterParser.parseWithClient(
                request.getContentType(), authorization, request.getQueryString(), body, IntrospectionRequest::new)),
                response);
    }

    private void introspectForBearer(Optional<String> authorization, HttpServletRequest request, byte[] body,
            HttpServletResponse response) throws IOException {
        Administrator admin;
        try {
            admin = bearer.administrator(authorization);
        } catch (BearerAuthorization.Refused refused) {
            errors.write(response, refused.reply().withNoStore());
            return;
        }
        TokenValue token = TokenParameterParser.parseWithoutClient(request.getContentType(), request.getQueryString(), body);
        answer(tokens.introspect(admin, token), response);
    }

    private void answer(Introspection introspection, HttpServletResponse response) throws IOException {
        ErrorResponses.NO_STORE.forEach(response::setHeader);
        json.write(response, HttpServletResponse.SC_OK, IntrospectionJson.from(introspection));
    }
}
