-- PostgreSQL only. Identifiers are compared and ordered byte by byte (collation "C"), as H2 and the in-memory
-- store do, whatever locale the database was created with: the administration list orders the same everywhere,
-- and the indexes on these columns serve that order. H2 compares strings this way by default.

ALTER TABLE clients ALTER COLUMN client_id TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE users ALTER COLUMN username TYPE VARCHAR(255) COLLATE "C";

ALTER TABLE access_tokens ALTER COLUMN digest TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE access_tokens ALTER COLUMN token_id TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE access_tokens ALTER COLUMN client_id TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE access_tokens ALTER COLUMN username TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE access_tokens ALTER COLUMN family_id TYPE VARCHAR(128) COLLATE "C";

ALTER TABLE refresh_tokens ALTER COLUMN digest TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE refresh_tokens ALTER COLUMN token_id TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE refresh_tokens ALTER COLUMN client_id TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE refresh_tokens ALTER COLUMN username TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE refresh_tokens ALTER COLUMN family_id TYPE VARCHAR(128) COLLATE "C";
