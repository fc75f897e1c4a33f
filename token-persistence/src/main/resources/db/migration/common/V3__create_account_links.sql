-- Links from accounts at identity providers (Google, Facebook, any OpenID Connect provider) to local users.
-- An external account is the provider's name as configured here plus the provider's stable subject identifier
-- (OpenID Connect "sub", at most 255 characters); it links to at most one local user, so the pair is the key.
-- A user may have several links. No foreign key to users: a link may briefly outlive its user (a first sign-in
-- interrupted between the two inserts), and the next sign-in recreates the user.
-- linked_at is epoch milliseconds (UTC).

CREATE TABLE account_links (
    provider      VARCHAR(128)  NOT NULL,
    subject       VARCHAR(255)  NOT NULL,
    username      VARCHAR(255)  NOT NULL,
    linked_at     BIGINT        NOT NULL,
    CONSTRAINT account_links_pk PRIMARY KEY (provider, subject)
);

-- The links of a user (listing, removal with the user).
CREATE INDEX account_links_username_idx ON account_links (username);
