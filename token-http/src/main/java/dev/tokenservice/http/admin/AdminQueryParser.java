package dev.tokenservice.http.admin;

import dev.tokenservice.core.OAuthException;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.SortDirection;
import dev.tokenservice.core.model.SortOrder;
import dev.tokenservice.core.model.TokenListQuery;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenSortProperty;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.http.web.FormParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of the administration API: {@code filter_client_id}, {@code filter_username},
 * {@code size} (1..1000), {@code page} (from 1) and {@code order} ({@code PROPERTY[:ASC|DESC],...} over a
 * whitelist) for the list; {@code username} and {@code client_id} for the delete. Unknown parameters are ignored.
 * Every failure is {@code invalid_request} with a description naming the parameter. Stateless, thread-safe.
 */
final class AdminQueryParser {
    private static final String FILTER_CLIENT_ID = "filter_client_id";
    private static final String FILTER_USERNAME = "filter_username";
    private static final String SIZE = "size";
    private static final String PAGE = "page";
    private static final String ORDER = "order";
    static final String USERNAME = "username";
    static final String CLIENT_ID = "client_id";

    /** Longest identifier accepted in a filter or a path. */
    private static final int MAX_IDENTIFIER_LENGTH = 256;
    private static final int MAX_ORDER_LENGTH = 256;
    private static final String PROPERTY_NAMES = Arrays.stream(TokenSortProperty.values())
            .map(TokenSortProperty::wireName).collect(Collectors.joining(", "));

    private AdminQueryParser() { }

    /** The list query of {@code GET /auth/tokens}. */
    static TokenListQuery listQuery(FormParameters query) {
        Optional<ClientId> clientId = query.get(FILTER_CLIENT_ID).map(value -> ClientId.of(identifier(FILTER_CLIENT_ID, value)));
        Optional<Username> username = query.get(FILTER_USERNAME).map(value -> Username.of(identifier(FILTER_USERNAME, value)));
        int size = number(query, SIZE, TokenListQuery.DEFAULT_SIZE);
        if (size < 1 || size > TokenListQuery.MAX_SIZE) {
            throw OAuthException.invalidRequest("size must be between 1 and " + TokenListQuery.MAX_SIZE);
        }
        int page = number(query, PAGE, 1);
        if (page < 1) {
            throw OAuthException.invalidRequest("page must be 1 or more");
        }
        List<SortOrder> order = order(query.get(ORDER).orElse(""));
        return new TokenListQuery(clientId.orElse(null), username.orElse(null), page, size, order);
    }

    /** The owner selected by {@code DELETE /auth/tokens?username=&client_id=}; at least one is required. */
    static HolderSelector deleteQuery(FormParameters query) {
        Optional<Username> username = query.get(USERNAME).map(value -> Username.of(identifier(USERNAME, value)));
        Optional<ClientId> clientId = query.get(CLIENT_ID).map(value -> ClientId.of(identifier(CLIENT_ID, value)));
        if (username.isEmpty() && clientId.isEmpty()) {
            throw OAuthException.invalidRequest("username or client_id is required");
        }
        return new HolderSelector(clientId.orElse(null), username.orElse(null));
    }

    /** Checks a username or client id taken from a query or a path. */
    static String identifier(String name, String value) {
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            throw OAuthException.invalidRequest(name + " is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        }
        if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw OAuthException.invalidRequest(name + " must not be blank or contain control characters");
        }
        return value;
    }

    private static int number(FormParameters query, String name, int absent) {
        Optional<String> text = query.get(name);
        if (text.isEmpty()) {
            return absent;
        }
        if (text.get().length() > 9 || !text.get().chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw OAuthException.invalidRequest(name + " must be a whole number");
        }
        return Integer.parseInt(text.get());
    }

    private static List<SortOrder> order(String text) {
        if (text.length() > MAX_ORDER_LENGTH) {
            throw OAuthException.invalidRequest("order is too long");
        }
        List<SortOrder> orders = new ArrayList<>();
        Set<TokenSortProperty> seen = EnumSet.noneOf(TokenSortProperty.class);
        if (text.isBlank()) {
            return orders;
        }
        for (String entry : text.split(",", -1)) {
            SortOrder order = sortOrder(entry.strip());
            if (!seen.add(order.property())) {
                throw OAuthException.invalidRequest("order names " + order.property().wireName() + " twice");
            }
            orders.add(order);
        }
        return orders;
    }

    private static SortOrder sortOrder(String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length > 2 || parts[0].isBlank()) {
            throw OAuthException.invalidRequest("order entries must look like PROPERTY:ASC or PROPERTY:DESC");
        }
        TokenSortProperty property = TokenSortProperty.parse(parts[0].strip())
                .orElseThrow(() -> OAuthException.invalidRequest("order may use only " + PROPERTY_NAMES));
        if (parts.length == 1) {
            return SortOrder.asc(property);
        }
        return switch (parts[1].strip().toUpperCase(Locale.ROOT)) {
            case "ASC" -> new SortOrder(property, SortDirection.ASC);
            case "DESC" -> new SortOrder(property, SortDirection.DESC);
            default -> throw OAuthException.invalidRequest("order direction must be ASC or DESC");
        };
    }
}
