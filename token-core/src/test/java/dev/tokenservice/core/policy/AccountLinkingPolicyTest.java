package dev.tokenservice.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.ThirdPartySubject;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountLinkingPolicyTest {

    @Test
    void usernameForWhenShortThenProviderColonSubject() {
        ThirdPartySubject thirdPartySubject = ThirdPartySubject.of("google", "110169484474386276334");

        Username username = AccountLinkingPolicy.createUsersOnFirstSignIn().usernameFor(thirdPartySubject);

        assertThat(username).isEqualTo(Username.of("google:110169484474386276334"));
    }

    @Test
    void usernameForWhenCalledTwiceThenSameName() {
        ThirdPartySubject thirdPartySubject = ThirdPartySubject.of("oidc:acme", "a5f3-77");
        AccountLinkingPolicy policy = AccountLinkingPolicy.createUsersOnFirstSignIn();

        Username again = policy.usernameFor(ThirdPartySubject.of("oidc:acme", "a5f3-77"));

        assertThat(policy.usernameFor(thirdPartySubject)).isEqualTo(again);
    }

    @Test
    void usernameForWhenTooLongThenProviderAndDigestWithinLimit() {
        ThirdPartySubject first = ThirdPartySubject.of("oidc:" + "p".repeat(100), "s".repeat(255));
        ThirdPartySubject second = ThirdPartySubject.of("oidc:" + "p".repeat(100), "s".repeat(254) + "t");
        AccountLinkingPolicy policy = AccountLinkingPolicy.createUsersOnFirstSignIn();

        Username one = policy.usernameFor(first);
        Username two = policy.usernameFor(second);

        assertThat(one.value()).startsWith("oidc:" + "p".repeat(100) + ":").hasSizeLessThanOrEqualTo(255);
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void newAccountWhenCalledThenNoPasswordAndPolicyAuthorities() {
        AccountLinkingPolicy policy = AccountLinkingPolicy.createUsersOnFirstSignIn()
                .withNewUserAuthorities(Set.of(Authority.of("SOCIAL")));

        UserAccount account = policy.newAccount(Username.of("google:1"));

        assertThat(account.hasPassword()).isFalse();
        assertThat(account.authorities()).containsExactly(Authority.of("SOCIAL"));
    }

    @Test
    void createsUsersWhenExistingLinksOnlyThenFalse() {
        assertThat(AccountLinkingPolicy.existingLinksOnly().createsUsers()).isFalse();
        assertThat(AccountLinkingPolicy.createUsersOnFirstSignIn().createsUsers()).isTrue();
    }
}
