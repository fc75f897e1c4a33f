-- Registered clients (RFC 6749 §2) and the stored user directory.
-- Sets of grant types, scopes and authorities are kept as space-separated text, sorted, so a row reads like the
-- wire form (RFC 6749 §3.3). Secrets and passwords are kept only as self-describing hashes.
-- Lifetimes are milliseconds; NULL means "use the server's default".

CREATE TABLE clients (
    client_id               VARCHAR(255)  NOT NULL,
    secret_hash             VARCHAR(512),
    grant_types             VARCHAR(2000) NOT NULL,
    allowed_scopes          VARCHAR(4000) NOT NULL,
    default_scopes          VARCHAR(4000) NOT NULL,
    authorities             VARCHAR(2000) NOT NULL,
    access_token_ttl_ms     BIGINT,
    refresh_token_ttl_ms    BIGINT,
    CONSTRAINT clients_pk PRIMARY KEY (client_id)
);

CREATE TABLE users (
    username                VARCHAR(255)  NOT NULL,
    password_hash           VARCHAR(512)  NOT NULL,
    authorities             VARCHAR(2000) NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (username)
);
