package dev.tokenservice.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The administration view of one access token: its summary and, when sealing is on, its value.
 *
 * @param summary the non-secret metadata
 * @param value   the unsealed value; {@code null} when sealing is off
 */
public record TokenDetails(TokenSummary summary, @Nullable TokenValue value) {
    public TokenDetails {
        Objects.requireNonNull(summary, "summary");
    }

    @Override
    public String toString() {
        return "TokenDetails[summary=" + summary + ", value=" + (value == null ? "none" : "***") + "]";
    }
}
