package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The tokens of one issuance, saved together: an access token and, when the policy grants one, a refresh token. */
public record TokenPair(AccessToken access, @Nullable RefreshToken refresh) {
    public TokenPair {
        Objects.requireNonNull(access, "access");
        if (refresh != null && !refresh.familyId().equals(access.familyId())) {
            throw new IllegalArgumentException("access and refresh token must belong to the same family");
        }
    }

    public static TokenPair accessOnly(AccessToken access) {
        return new TokenPair(access, null);
    }
}
