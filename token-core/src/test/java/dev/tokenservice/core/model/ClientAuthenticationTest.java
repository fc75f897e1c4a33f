package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ClientAuthenticationTest {
    private static final ClientId WEB = ClientId.of("web.app");

    @Test
    void constructorWhenMethodNoneWithSecretThenIllegalArgument() {
        ClientSecret secret = ClientSecret.of("s3cret");

        assertThatIllegalArgumentException().isThrownBy(
                () -> new ClientAuthentication(WEB, secret, ClientAuthMethod.NONE));
    }

    @Test
    void constructorWhenMethodBasicWithoutSecretThenIllegalArgument() {
        ClientSecret secret = null;

        assertThatIllegalArgumentException().isThrownBy(
                () -> new ClientAuthentication(WEB, secret, ClientAuthMethod.CLIENT_SECRET_BASIC));
    }

    @Test
    void noneWhenCreatedThenNoPresentedSecret() {
        ClientAuthentication authentication = ClientAuthentication.none(WEB);

        boolean hasSecret = authentication.secret() != null;

        assertThat(hasSecret).isFalse();
    }

    @Test
    void postWhenCreatedThenMethodIsPost() {
        ClientAuthentication authentication = ClientAuthentication.post(WEB, ClientSecret.of("s3cret"));

        ClientAuthMethod method = authentication.method();

        assertThat(method).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    }
}
