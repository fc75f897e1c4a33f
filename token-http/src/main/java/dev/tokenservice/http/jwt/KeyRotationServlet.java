package dev.tokenservice.http.jwt;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.http.json.SigningKeyJson;
import dev.tokenservice.http.web.BearerAuthorization;
import dev.tokenservice.http.web.ErrorResponses;
import dev.tokenservice.http.web.Headers;
import dev.tokenservice.http.web.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /auth/signing-keys}: an administrator (bearer token with {@code TOKENS_ADMIN}) starts a rotation of the
 * JWT signing key (see {@link SigningKeys#rotate()}); {@code 201} with the new key's id, algorithm and the time it
 * starts signing. {@code 404} on a server without signing keys. Thread-safe.
 */
public final class KeyRotationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ALLOW = "POST";

    private final transient @Nullable SigningKeys keys;
    private final transient BearerAuthorization bearer;
    private final transient ErrorResponses errors;
    private final transient JsonWriter json;

    public KeyRotationServlet(@Nullable SigningKeys keys, BearerAuthorization bearer, ErrorResponses errors,
            JsonWriter json) {
        this.keys = keys;
        this.bearer = Objects.requireNonNull(bearer, "bearer");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!ALLOW.equals(request.getMethod())) {
            errors.write(response, errors.methodNotAllowed(request.getMethod(), ALLOW));
            return;
        }
        try {
            bearer.administrator(Headers.single(request, Headers.AUTHORIZATION));
        } catch (OAuthException e) {
            errors.write(response, errors.malformedBearer(e));
            return;
        } catch (BearerAuthorization.Refused refused) {
            errors.write(response, refused.reply());
            return;
        }
        if (keys == null) {
            errors.write(response, errors.notFound("this server has no JWT signing keys"));
            return;
        }
        SigningKey next = keys.rotate();
        json.write(response, HttpServletResponse.SC_CREATED,
                new SigningKeyJson(next.keyId(), next.algorithm().name(), next.signsFrom().getEpochSecond()));
    }
}
