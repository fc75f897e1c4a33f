package dev.tokenservice.http.thirdparty;

import dev.tokenservice.core.port.ThirdPartyTokenException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET requests to providers (JWK sets, Facebook's Graph API) over {@link HttpClient}, each bounded in time as a whole
 * (connection, headers and body) and in size. Redirects are not followed. The {@link HttpClient} and its TLS set-up are
 * made on the first request, so a server whose providers are never called never pays for them. A provider that cannot be
 * reached, does not answer in time, or answers more than {@link #MAX_BODY_BYTES} is
 * {@link ThirdPartyTokenException#unavailable unavailable}; any status is handed back for the caller to judge.
 * Thread-safe.
 */
public final class ProviderHttpClient {
    /** No provider answer we read is anywhere near this size. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final Duration timeout;
    /** Made on the first request; guarded by {@code this}. */
    private HttpClient http;

    /** @param timeout the longest a whole call may take, connection included */
    public ProviderHttpClient(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The longest a whole call may take. */
    Duration timeout() {
        return timeout;
    }

    /** A provider's answer: its status and its body as UTF-8 text. */
    record Reply(int status, String body) {
        Reply {
            Objects.requireNonNull(body, "body");
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        boolean isServerError() {
            return status >= 500;
        }
    }

    /**
     * GETs {@code uri} with {@code Accept: application/json}.
     *
     * @param provider the provider's name, for the error description
     * @throws ThirdPartyTokenException unavailable when no complete answer came in time
     */
    Reply get(URI uri, String provider) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("Accept", "application/json").build();
        CompletableFuture<HttpResponse<byte[]>> call = http().sendAsync(request, info -> new LimitedBodySubscriber(MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            call.cancel(true);
            throw ThirdPartyTokenException.unavailable(provider + " did not answer in time", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw ThirdPartyTokenException.unavailable(provider + " could not be reached", describe(cause));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw ThirdPartyTokenException.unavailable(provider + " could not be reached", e);
        }
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    /** The cause as logs want it: an I/O failure keeps its own type (timeouts, refused connections). */
    private static Throwable describe(Throwable cause) {
        return cause instanceof IOException ? cause : new IOException(cause.toString(), cause);
    }

    @Override
    public String toString() {
        return "ProviderHttpClient[timeout=" + timeout + "]";
    }
}
