package dev.tokenservice.core.policy;

/**
 * Configures the {@link RevocationPolicy}.
 *
 * @param revokeFamilyOnReuse         revoke a refresh token's whole family when a retired member is presented again
 *                                    (RFC 6819 §5.2.2.3; OAuth 2.0 Security BCP §4.14)
 * @param revokeFamilyWithAccessToken when a client revokes an access token, revoke its refresh-token family too
 *                                    (RFC 7009 §2.1 allows it)
 */
public record RevocationSettings(boolean revokeFamilyOnReuse, boolean revokeFamilyWithAccessToken) {
    public static final RevocationSettings DEFAULT = new RevocationSettings(true, false);
}
