-- Indexes that let the administration list read a page in order instead of sorting every live token.
-- Usernames: the list sorts NULL (a client's own tokens) first when ascending and last when descending; an index
-- with NULLS FIRST holds exactly that order forwards and backwards (PostgreSQL's default, NULLS LAST, serves
-- neither direction). Lookups by username, or by username and client, use it as before.
DROP INDEX access_tokens_username_client_idx;
CREATE INDEX access_tokens_username_client_idx ON access_tokens (username NULLS FIRST, client_id);

-- Token id: with the indexes of V2, every sortable property now leads an index of access_tokens.
CREATE INDEX access_tokens_token_id_idx ON access_tokens (token_id);
