-- PostgreSQL only. Compare and order the identifiers of account links byte by byte (collation "C"), as H2 and the
-- in-memory store do, like every other identifier column (V2_1).

ALTER TABLE account_links ALTER COLUMN provider TYPE VARCHAR(128) COLLATE "C";
ALTER TABLE account_links ALTER COLUMN subject TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE account_links ALTER COLUMN username TYPE VARCHAR(255) COLLATE "C";
