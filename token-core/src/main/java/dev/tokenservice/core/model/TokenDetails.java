package dev.tokenservice.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The administration view of one access token: its summary and, when sealing is on, its value.
 *
 * @param summary the non-secret metadata
 * @param value   the unsealed value; {@code null} when sealing is off
 */
public record TokenDetails(TokenSummary summary, TokenValue value) {
    public TokenDetails {
        Objects.requireNonNull(summary, "summary");
    }

    public Optional<TokenValue> tokenValue() {
        return Optional.ofNullable(value);
    }

    @Override
    public String toString() {
        return "TokenDetails[summary=" + summary + ", value=" + (value == null ? "none" : "***") + "]";
    }
}
