package dev.tokenservice.core.model;

/** How a client presented its credentials (RFC 8414 §2 names). */
public enum ClientAuthMethod {
    /** HTTP Basic with the form-urlencoded id and secret (RFC 6749 §2.3.1). */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** {@code client_id} and {@code client_secret} in the request body. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** A public client: {@code client_id} only. */
    NONE("none");

    private final String wireName;

    ClientAuthMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
