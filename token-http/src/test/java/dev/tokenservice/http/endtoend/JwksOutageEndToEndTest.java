package dev.tokenservice.http.endtoend;

import static dev.tokenservice.http.endtoend.WireClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.http.endtoend.WireClient.Reply;
import dev.tokenservice.http.testing.TokenServerExtension;
import dev.tokenservice.http.thirdparty.OidcProviderSettings;
import dev.tokenservice.http.thirdparty.OidcProviderStub;
import dev.tokenservice.http.thirdparty.StubServer;
import dev.tokenservice.http.thirdparty.TestKeys;
import dev.tokenservice.http.thirdparty.ThirdPartyProviders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-ins over a real socket while an OpenID Connect provider's key set fails and heals: a failed fetch holds the
 * provider's sign-ins back for about a second, not for the 30 s between refetches, and keys held keep serving while a
 * refetch fails. Time is the server's real clock, so each test polls against a deadline well below 30 s.
 */
class JwksOutageEndToEndTest {
    private static final RSAKey KEY = TestKeys.named(TestKeys.RSA_A, "key-1");
    /** Far below the 30 s a failed fetch used to hold sign-ins back, far above the 1 s retry it now takes. */
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String MOBILE = "mobile.app";
    private static final Set<String> AUDIENCE = Set.of(OidcProviderStub.CLIENT_ID);

    /** One provider per failure, each failing until its test heals it: an error status, a hang, a body that is no set. */
    private static final Map<String, OidcProviderStub> FAILING_FIRST = Map.of(
            "oidc:answers-500", new OidcProviderStub(),
            "oidc:hangs", new OidcProviderStub(),
            "oidc:answers-html", new OidcProviderStub(),
            "oidc:answers-null", new OidcProviderStub());
    /** Keys fetched once, old after a second, refetched at most twice a second. */
    private static final OidcProviderStub SHORT_LIVED = new OidcProviderStub();

    @RegisterExtension
    static final TokenServerExtension server = new TokenServerExtension(config -> config.withThirdPartyProviders(
            providers(ThirdPartyProviders.NONE.withTimeout(Duration.ofSeconds(1)))));

    private static WireClient client;

    private static ThirdPartyProviders providers(ThirdPartyProviders none) {
        ThirdPartyProviders all = none.with(new OidcProviderSettings("oidc:short-lived", Set.of(SHORT_LIVED.issuer()),
                SHORT_LIVED.jwksUri(), AUDIENCE, false, true, Duration.ofSeconds(1), Duration.ofMillis(500)));
        for (Map.Entry<String, OidcProviderStub> provider : FAILING_FIRST.entrySet()) {
            all = all.with(OidcProviderSettings.of(provider.getKey(), provider.getValue().issuer(),
                    provider.getValue().jwksUri(), AUDIENCE, true));
        }
        return all;
    }

    @BeforeAll
    static void register() {
        FAILING_FIRST.get("oidc:answers-500").health(StubServer.Health.FAILING);
        FAILING_FIRST.get("oidc:hangs").health(StubServer.Health.HANGING);
        FAILING_FIRST.get("oidc:answers-html").publishRaw("<html>maintenance</html>");
        FAILING_FIRST.get("oidc:answers-null").publishRaw("null");
        SHORT_LIVED.publish(KEY);
        client = new WireClient(server.baseUri());
        GrantType[] grants = Stream.concat(FAILING_FIRST.keySet().stream(), Stream.of("oidc:short-lived"))
                .map(GrantType::of).toArray(GrantType[]::new);
        server.registerClient(MOBILE, null, Scope.of("read"), grants);
    }

    @AfterAll
    static void stopProviders() {
        FAILING_FIRST.values().forEach(StubServer::close);
        SHORT_LIVED.close();
    }

    private static Reply signIn(String grantType, OidcProviderStub provider, String subject) {
        String idToken = OidcProviderStub.sign(KEY, provider.claims(subject, Instant.now()).build());
        return client.postForm("/oauth/token", form("grant_type", grantType, "client_id", MOBILE, "token", idToken));
    }

    /** Signs in again and again, a tenth of a second apart, until {@code done} or the deadline; returns every answer. */
    private static List<Reply> signInUntil(String grantType, OidcProviderStub provider, String subject,
            Predicate<List<Reply>> done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<Reply> replies = new ArrayList<>();
        replies.add(signIn(grantType, provider, subject));
        while (!done.test(replies) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            replies.add(signIn(grantType, provider, subject));
        }
        return replies;
    }

    private static Consumer<Reply> temporarilyUnavailable() {
        return reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("error").asText()).isEqualTo("temporarily_unavailable");
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"oidc:answers-500", "oidc:hangs", "oidc:answers-html", "oidc:answers-null"})
    void signInWhenKeySetFailedThenHealedThenIssuedWithinSecondsNotAfterTheRefreshInterval(String grantType) {
        OidcProviderStub provider = FAILING_FIRST.get(grantType);
        Reply duringOutage = signIn(grantType, provider, "8001");
        provider.health(StubServer.Health.UP);
        provider.publish(KEY);

        List<Reply> afterHealing = signInUntil(grantType, provider, "8001",
                replies -> replies.get(replies.size() - 1).status() == 200);

        temporarilyUnavailable().accept(duringOutage);
        assertThat(afterHealing.get(afterHealing.size() - 1).status()).as("issued before the deadline").isEqualTo(200);
        assertThat(afterHealing.subList(0, afterHealing.size() - 1)).allSatisfy(temporarilyUnavailable());
        assertThat(server.findUser(grantType + ":8001")).isPresent();
    }

    @Test
    void signInWhenKeysAreOldAndTheirRefetchFailsThenTheKeysHeldServeUntilTheProviderHeals() {
        Reply before = signIn("oidc:short-lived", SHORT_LIVED, "8101");
        int fetchesBefore = SHORT_LIVED.requests();
        SHORT_LIVED.health(StubServer.Health.FAILING);

        // Until the keys are old and two refetches have failed, one after the other's backoff.
        List<Reply> duringOutage = signInUntil("oidc:short-lived", SHORT_LIVED, "8101",
                replies -> SHORT_LIVED.requests() >= fetchesBefore + 2);
        int fetchesDuringOutage = SHORT_LIVED.requests();
        SHORT_LIVED.health(StubServer.Health.UP);
        List<Reply> afterHealing = signInUntil("oidc:short-lived", SHORT_LIVED, "8101",
                replies -> SHORT_LIVED.keyFetches() >= 2);

        assertThat(before.status()).isEqualTo(200);
        assertThat(fetchesDuringOutage).as("refetches tried during the outage").isGreaterThanOrEqualTo(fetchesBefore + 2);
        assertThat(duringOutage).extracting(Reply::status).containsOnly(200);
        assertThat(SHORT_LIVED.keyFetches()).as("key sets served").isEqualTo(2);
        assertThat(afterHealing).extracting(Reply::status).containsOnly(200);
    }
}
