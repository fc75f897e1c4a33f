-- JWT access tokens (RFC 9068). A client may choose the format of its access tokens: 'opaque' or 'jwt'; NULL means
-- "use the server's default". A JWT access token is stored like an opaque one (its SHA-256 digest, and sealed when
-- sealing is on), but its value is a signed JWT of several hundred bytes, more with many authorities: the sealed
-- column grows to hold it. Widening a VARCHAR rewrites no row on H2 nor on PostgreSQL.

ALTER TABLE clients ADD COLUMN access_token_format VARCHAR(16);

ALTER TABLE access_tokens ALTER COLUMN sealed SET DATA TYPE VARCHAR(16384);
