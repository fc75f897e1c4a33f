package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** What the builder refuses before any port is needed; building with ports is tested with the testkit's fakes. */
class TokenServicesTest {

    @Test
    void buildWhenNoStoreGivenThenIllegalStateNamingTheTokenStore() {
        TokenServices.Builder builder = TokenServices.builder();

        assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("tokenStore");
    }
}
