package dev.tokenservice.http.json;

import dev.tokenservice.core.model.TokenPage;
import java.util.List;

/**
 * A page of the administration list, the Knetik API model {@code PageResourceOauthAccessTokenResource}. {@code sort} is a
 * JSON array of {@link OrderJson} (an object there breaks the Knetik SDKs); {@code number} is the 1-based page served.
 */
public record TokenPageJson(
        List<AccessTokenJson> content,
        boolean first,
        boolean last,
        int number,
        int numberOfElements,
        int size,
        List<OrderJson> sort,
        long totalElements,
        long totalPages) {

    public TokenPageJson {
        content = List.copyOf(content);
        sort = List.copyOf(sort);
    }

    public static TokenPageJson from(TokenPage page) {
        return new TokenPageJson(
                page.content().stream().map(AccessTokenJson::from).toList(),
                page.isFirst(), page.isLast(), page.page(), page.content().size(), page.size(),
                page.order().stream().map(OrderJson::from).toList(),
                page.totalElements(), page.totalPages());
    }
}
