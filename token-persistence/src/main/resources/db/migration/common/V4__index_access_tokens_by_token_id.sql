-- The administration list ordered by token id. With the indexes of V2, every sortable property now leads an index
-- of access_tokens, so no list page needs a sort of every live token.

CREATE INDEX access_tokens_token_id_idx ON access_tokens (token_id);
