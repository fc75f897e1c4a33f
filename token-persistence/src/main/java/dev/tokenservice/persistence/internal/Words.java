package dev.tokenservice.persistence.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores a set of names (grant types, authorities) as one column: sorted, space-separated, the empty set as the
 * empty string, like a scope on the wire (RFC 6749 §3.3). Not API.
 */
public final class Words {
    private Words() {
    }

    /**
     * The column text for {@code names}. A name containing whitespace cannot be stored this way and is rejected
     * with {@link IllegalArgumentException} (OAuth grant types and authorities never contain any).
     */
    public static String join(Collection<String> names) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a stored name must be non-empty and contain no whitespace");
            }
            sorted.add(name);
        }
        return String.join(" ", sorted);
    }

    /** The names in the column text, each turned into {@code T}. */
    public static <T> Set<T> split(String text, Function<String, T> factory) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(text.split(" ")).map(factory).collect(Collectors.toUnmodifiableSet());
    }
}
