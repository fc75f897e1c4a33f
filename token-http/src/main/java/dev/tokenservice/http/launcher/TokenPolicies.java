package dev.tokenservice.http.launcher;

import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.policy.RevocationSettings;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The stand-alone server's issuance and revocation switches beside the lifetimes; each client may override the
 * issuance policy and its default scopes (bootstrap file, administration API). Immutable.
 *
 * @param issuancePolicy              {@code TOKEN_ISSUANCE_POLICY}: {@code NEW_PER_REQUEST} (default),
 *                                    {@code REPLACE_PREVIOUS} or {@code REUSE_LIVE} (needs sealing)
 * @param defaultScopes               {@code TOKEN_DEFAULT_SCOPES}: space-separated scopes a client registered without
 *                                    default scopes of its own gets, as far as it is allowed them; empty (default)
 *                                    gives it all its allowed scopes
 * @param revokeFamilyOnReuse         {@code TOKEN_REVOKE_FAMILY_ON_REUSE} ({@code true} by default): a retired
 *                                    refresh token presented again revokes its whole family
 * @param revokeFamilyWithAccessToken {@code TOKEN_REVOKE_FAMILY_WITH_ACCESS_TOKEN} ({@code false} by default): a
 *                                    client revoking an access token revokes its refresh-token family too
 */
public record TokenPolicies(
        LiveTokenLimit issuancePolicy,
        Scope defaultScopes,
        boolean revokeFamilyOnReuse,
        boolean revokeFamilyWithAccessToken) {

    /** The core's defaults. */
    public static final TokenPolicies DEFAULT = new TokenPolicies(LiveTokenLimit.NEW_PER_REQUEST, Scope.EMPTY,
            RevocationSettings.DEFAULT.revokeFamilyOnReuse(), RevocationSettings.DEFAULT.revokeFamilyWithAccessToken());

    private static final String POLICIES = Arrays.stream(LiveTokenLimit.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    public TokenPolicies {
        Objects.requireNonNull(issuancePolicy, "issuancePolicy");
        Objects.requireNonNull(defaultScopes, "defaultScopes");
    }

    static TokenPolicies read(Settings settings) {
        return new TokenPolicies(
                settings.text("TOKEN_ISSUANCE_POLICY").map(TokenPolicies::issuancePolicy)
                        .orElse(DEFAULT.issuancePolicy()),
                settings.text("TOKEN_DEFAULT_SCOPES").map(TokenPolicies::scopes).orElse(Scope.EMPTY),
                settings.bool("TOKEN_REVOKE_FAMILY_ON_REUSE", DEFAULT.revokeFamilyOnReuse()),
                settings.bool("TOKEN_REVOKE_FAMILY_WITH_ACCESS_TOKEN", DEFAULT.revokeFamilyWithAccessToken()));
    }

    /** The core's revocation settings. */
    public RevocationSettings revocation() {
        return new RevocationSettings(revokeFamilyOnReuse, revokeFamilyWithAccessToken);
    }

    private static LiveTokenLimit issuancePolicy(String name) {
        try {
            return LiveTokenLimit.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TOKEN_ISSUANCE_POLICY must be one of " + POLICIES);
        }
    }

    private static Scope scopes(String text) {
        if (!Scope.isValid(text)) {
            throw new IllegalArgumentException("TOKEN_DEFAULT_SCOPES must be scope tokens separated by single spaces");
        }
        return Scope.parse(text);
    }
}
