-- Access and refresh tokens. A token value is never stored: the key is the SHA-256 digest of the value
-- (base64url, 43 characters). An access token may also be kept sealed (AES-256-GCM under a key that lives outside
-- the database) so the administration view can show it; a refresh token is kept as its digest only.
-- Instants are epoch milliseconds (UTC); a token is live while expires_at > now.

CREATE TABLE access_tokens (
    digest        VARCHAR(64)   NOT NULL,
    token_id      VARCHAR(128)  NOT NULL,
    sealed        VARCHAR(1024),
    client_id     VARCHAR(255)  NOT NULL,
    username      VARCHAR(255),
    scope         VARCHAR(4000) NOT NULL,
    issued_at     BIGINT        NOT NULL,
    expires_at    BIGINT        NOT NULL,
    family_id     VARCHAR(128),
    CONSTRAINT access_tokens_pk PRIMARY KEY (digest)
);

-- Revocation and the administration list by user, or by user and client; the latest token of a holder.
CREATE INDEX access_tokens_username_client_idx ON access_tokens (username, client_id);
-- Revocation and the administration list by client.
CREATE INDEX access_tokens_client_idx ON access_tokens (client_id);
-- Expired-token cleanup and the live-token filter.
CREATE INDEX access_tokens_expires_idx ON access_tokens (expires_at);
-- Family revocation (refresh-token reuse, RFC 6749 §10.4).
CREATE INDEX access_tokens_family_idx ON access_tokens (family_id);
-- The administration list's default order: newest first, token id as tie-breaker.
CREATE INDEX access_tokens_issued_idx ON access_tokens (issued_at DESC, token_id ASC);

CREATE TABLE refresh_tokens (
    digest        VARCHAR(64)   NOT NULL,
    token_id      VARCHAR(128)  NOT NULL,
    client_id     VARCHAR(255)  NOT NULL,
    username      VARCHAR(255),
    scope         VARCHAR(4000) NOT NULL,
    issued_at     BIGINT        NOT NULL,
    expires_at    BIGINT        NOT NULL,
    family_id     VARCHAR(128)  NOT NULL,
    used          BOOLEAN       NOT NULL,
    CONSTRAINT refresh_tokens_pk PRIMARY KEY (digest)
);

CREATE INDEX refresh_tokens_username_client_idx ON refresh_tokens (username, client_id);
CREATE INDEX refresh_tokens_client_idx ON refresh_tokens (client_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
