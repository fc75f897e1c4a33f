-- Refresh-token families that end, and the refresh grace window.
--
-- Clients may override the server's absolute family lifetime and grace window (milliseconds; NULL means "use the
-- server's default"; a grace window of 0 turns it off for the client).
ALTER TABLE clients ADD COLUMN refresh_family_ttl_ms BIGINT;
ALTER TABLE clients ADD COLUMN refresh_grace_ms BIGINT;

-- When the family's first token was issued (epoch milliseconds): the family lifetime counts from here. Every
-- member of a family carries it. Families issued before this column existed start at their oldest stored member
-- (a used member stays stored until it expires), the best bound the table still holds.
ALTER TABLE refresh_tokens ADD COLUMN family_issued_at BIGINT;
UPDATE refresh_tokens SET family_issued_at = (SELECT MIN(f.issued_at) FROM refresh_tokens f
                                              WHERE f.family_id = refresh_tokens.family_id);
ALTER TABLE refresh_tokens ALTER COLUMN family_issued_at SET NOT NULL;

-- On a used refresh token, within the grace window: its successor pair, encrypted under a key derived from the used
-- token's value (which is never stored) and sealed under the server's token key. NULL without a grace window.
ALTER TABLE refresh_tokens ADD COLUMN successor VARCHAR(1024);
