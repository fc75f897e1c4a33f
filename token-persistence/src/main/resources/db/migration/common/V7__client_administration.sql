-- Client administration: a client's own issuance policy, and the secret a rotation replaced, accepted until its
-- expiry (epoch milliseconds, UTC) so that the client's servers can move to the new secret without an outage.
-- NULL means "the server's issuance policy" and "no retired secret".

ALTER TABLE clients ADD COLUMN live_token_limit VARCHAR(32);
ALTER TABLE clients ADD COLUMN retired_secret_hash VARCHAR(512);
ALTER TABLE clients ADD COLUMN retired_secret_expires_at BIGINT;
