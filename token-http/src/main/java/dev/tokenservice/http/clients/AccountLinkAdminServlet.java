package dev.tokenservice.http.clients;

import dev.tokenservice.core.AccountLinkAdministration;
import dev.tokenservice.core.Administrator;
import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.TokenAdministration;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.json.AccountLinkJson;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.EndpointPaths;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.Headers;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account links of social sign-in under {@code /auth/users/{username}/links}, protected by a bearer token
 * (RFC 6750) whose holder has {@link Authority#TOKENS_ADMIN}: {@code GET /auth/users/{username}/links} lists the
 * user's links, {@code DELETE /auth/users/{username}/links/{provider}/{subject}} removes one. Path segments arrive
 * percent-encoded ({@code /} as {@code %2F}) and are matched literally. Thread-safe.
 */
public final class AccountLinkAdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String LINKS = "links";

    private final transient BearerAuthorization bearer;
    private final transient AccountLinkAdministration links;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public AccountLinkAdminServlet(TokenAdministration administration, AccountLinkAdministration links,
            ErrorResponses errors, JsonWriter json) {
        this.bearer = new BearerAuthorization(administration, errors);
        this.links = Objects.requireNonNull(links, "links");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<List<String>> path;
        try {
            path = ResourcePath.below(EndpointPaths.USERS, request.getRequestURI());
        } catch (OAuthException e) {
            errors.write(response, errors.badRequest(e));
            return;
        }
        List<String> segments = path.orElse(List.of());
        if (!(segments.size() == 2 || segments.size() == 4) || !segments.get(1).equals(LINKS)) {
            errors.write(response, errors.notFound("no such resource"));
            return;
        }
        String allowed = segments.size() == 2 ? "GET" : "DELETE";
        if (!request.getMethod().equals(allowed)) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), allowed));
            return;
        }
        Administrator admin;
        try {
            admin = bearer.administrator(Headers.single(request, Headers.AUTHORIZATION));
        } catch (OAuthException e) {
            errors.write(response, errors.malformedBearer(e));
            return;
        } catch (BearerAuthorization.Refused refused) {
            errors.write(response, refused.reply());
            return;
        }
        Username username = Username.of(segments.get(0));
        if (segments.size() == 2) {
            json.write(response, HttpServletResponse.SC_OK, AccountLinkJson.Links.from(links.list(admin, username)));
            return;
        }
        ThirdPartySubject subject;
        try {
            subject = ThirdPartySubject.of(segments.get(2), segments.get(3));
        } catch (IllegalArgumentException e) {
            // Such a provider or subject is never linked.
            errors.write(response, errors.notFound("no such account link"));
            return;
        }
        if (links.unlink(admin, username, subject)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            errors.write(response, errors.notFound("no such account link"));
        }
    }
}
