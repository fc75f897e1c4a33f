package dev.tokenservice.core.port;

import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.TokenPage;

/**
 * Pages over live access tokens for administration. Results never carry token values, digests or sealed values.
 * Implementations must be thread-safe.
 */
public interface TokenQuery {

    /**
     * The requested page of live access tokens matching the filters (exact match), ordered by
     * {@link dev.tokenservice.core.model.TokenListQuery#effectiveOrder()}, with the total number of matches.
     * A page past the end is empty and still reports the total. Usernames sort with nulls first when ascending.
     */
    TokenPage list(TokenListQuery query);
}
