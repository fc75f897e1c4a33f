package dev.tokenservice.core.policy;

import dev.tokenservice.core.model.AccessToken;
import dev.tokenservice.core.model.FamilyId;
import dev.tokenservice.core.model.RefreshToken;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a revocation reaches. Refresh tokens rotate on every use; revoking a refresh token revokes its
 * family, and with it every access token issued along the chain. Does no I/O. Thread-safe.
 */
public final class RevocationPolicy {
    private final RevocationSettings settings;

    public RevocationPolicy(RevocationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The family to revoke when a retired refresh token is presented again, if any. */
    public Optional<FamilyId> familyToRevokeOnReuse(RefreshToken reused) {
        return settings.revokeFamilyOnReuse() ? Optional.of(reused.familyId()) : Optional.empty();
    }

    /** The family to revoke along with a revoked access token, if any. */
    public Optional<FamilyId> familyToRevokeWith(AccessToken revoked) {
        return settings.revokeFamilyWithAccessToken() ? Optional.ofNullable(revoked.familyId()) : Optional.empty();
    }

    /** The family to revoke with a revoked refresh token: always its own (RFC 7009 §2.1). */
    public FamilyId familyToRevokeWith(RefreshToken revoked) {
        return revoked.familyId();
    }
}
