package dev.tokenservice.core.model;

/** How many live access tokens one holder (a user with a client, or a client alone) may have. */
public enum LiveTokenLimit {
    /** Every request gets a new token; earlier tokens stay valid until they expire. */
    NEW_PER_REQUEST,
    /** A new token revokes the holder's earlier access and refresh tokens. */
    REPLACE_PREVIOUS,
    /**
     * A request without a refresh token hands back the holder's live access token of the same scope while at
     * least half its lifetime remains, so busy machine clients do not fill the store. Needs sealing.
     */
    REUSE_LIVE
}
