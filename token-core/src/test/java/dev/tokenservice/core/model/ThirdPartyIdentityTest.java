package dev.tokenservice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThirdPartyIdentityTest {

    @Test
    void ofWhenProviderAndSubjectThenNoEmailNorName() {
        ThirdPartyIdentity identity = ThirdPartyIdentity.of("google", "110169484474386276334");

        assertThat(identity.provider()).isEqualTo("google");
        assertThat(identity.subject().subject()).isEqualTo("110169484474386276334");
        assertThat(identity.verifiedEmail()).isNull();
        assertThat(identity.displayName()).isNull();
    }

    @Test
    void constructorWhenBlankEmailAndNameThenAbsent() {
        ThirdPartyIdentity identity = new ThirdPartyIdentity(ThirdPartySubject.of("facebook", "10"), " ", "");

        assertThat(identity.verifiedEmail()).isNull();
        assertThat(identity.displayName()).isNull();
    }

    @Test
    void constructorWhenEmailAndNameThenKept() {
        ThirdPartyIdentity identity = new ThirdPartyIdentity(ThirdPartySubject.of("facebook", "10"), "jane@example.com",
                "Jane Doe");

        assertThat(identity.verifiedEmail()).isEqualTo("jane@example.com");
        assertThat(identity.displayName()).isEqualTo("Jane Doe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "go ogle", "goo\tgle"})
    void externalSubjectWhenProviderMalformedThenIllegalArgument(String provider) {
        assertThatIllegalArgumentException().isThrownBy(() -> ThirdPartySubject.of(provider, "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a\nb", "a\u007fb"})
    void externalSubjectWhenSubjectMalformedThenIllegalArgument(String subject) {
        assertThatIllegalArgumentException().isThrownBy(() -> ThirdPartySubject.of("google", subject));
    }

    @Test
    void externalSubjectWhenSubjectLongerThan255ThenIllegalArgument() {
        String subject = "x".repeat(256);

        assertThatIllegalArgumentException().isThrownBy(() -> ThirdPartySubject.of("google", subject));
    }

    @Test
    void externalSubjectWhenSubjectOf255ThenAccepted() {
        String subject = "x".repeat(255);

        assertThat(ThirdPartySubject.of("oidc:acme", subject).subject()).hasSize(255);
    }

    @Test
    void thirdPartyTokenWhenEmptyNonceThenNoNonce() {
        ThirdPartyToken token = new ThirdPartyToken("eyJ...", "");

        assertThat(token.nonce()).isNull();
    }

    @Test
    void thirdPartyTokenWhenEmptyValueThenIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> ThirdPartyToken.of(""));
    }
}
