-- Failed authentications counted per throttle key, shared by every server on the database: a client id, a username,
-- a (client id, username) pair, or a client's third-party grant. The key is its kind and a SHA-256 (base64url) of the
-- names, so no username is held here in clear. last_failure_at is epoch milliseconds (UTC). A success deletes its
-- keys' rows; rows whose last failure is older than the throttle window are deleted periodically.

CREATE TABLE auth_failures (
    throttle_key     VARCHAR(64)  NOT NULL,
    failures         INTEGER      NOT NULL,
    last_failure_at  BIGINT       NOT NULL,
    CONSTRAINT auth_failures_pk PRIMARY KEY (throttle_key)
);

-- The periodic removal of keys whose failures no longer count.
CREATE INDEX auth_failures_last_failure_idx ON auth_failures (last_failure_at);
