package dev.tokenservice.core.model;

import java.util.Objects;
import java.util.Optional;

/** The tokens of one issuance, saved together: an access token and, when the policy grants one, a refresh token. */
public record TokenPair(AccessToken access, RefreshToken refresh) {
    public TokenPair {
        Objects.requireNonNull(access, "access");
        if (refresh != null && !refresh.familyId().equals(access.familyId())) {
            throw new IllegalArgumentException("access and refresh token must belong to the same family");
        }
    }

    public static TokenPair accessOnly(AccessToken access) {
        return new TokenPair(access, null);
    }

    public Optional<RefreshToken> refreshToken() {
        return Optional.ofNullable(refresh);
    }
}
