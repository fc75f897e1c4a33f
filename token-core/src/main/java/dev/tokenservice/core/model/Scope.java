package dev.tokenservice.core.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A set of scope tokens (RFC 6749 §3.3). Order carries no meaning; {@link #toString()} writes the tokens sorted
 * and space-separated, the form used on the wire and in storage.
 */
public record Scope(Set<String> tokens) {
    public static final Scope EMPTY = new Scope(Set.of());

    public Scope {
        Objects.requireNonNull(tokens, "tokens");
        tokens = Set.copyOf(tokens);
        for (String token : tokens) {
            if (!isValidToken(token)) {
                throw new IllegalArgumentException("invalid scope token");
            }
        }
    }

    /** Parses a space-separated scope string; blank means empty. Throws {@link IllegalArgumentException} on bad syntax. */
    public static Scope parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return EMPTY;
        }
        if (!text.equals(text.strip()) || text.contains("  ")) {
            throw new IllegalArgumentException("scope tokens must be separated by single spaces");
        }
        // A repeated token is legal in the grammar and means nothing more: keep it once.
        return new Scope(Arrays.stream(text.split(" ")).collect(Collectors.toUnmodifiableSet()));
    }

    public static Scope of(String... tokens) {
        return new Scope(Set.of(tokens));
    }

    public static Scope of(Collection<String> tokens) {
        return new Scope(Set.copyOf(tokens));
    }

    /** True when {@code text} is a valid scope string: tokens of {@code %x21 / %x23-5B / %x5D-7E} separated by one space. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 6749 §3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
    static boolean isValidToken(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E || c == 0x22 || c == 0x5C) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public boolean contains(String token) {
        return tokens.contains(token);
    }

    /** True when every token of {@code other} is in this scope. */
    public boolean containsAll(Scope other) {
        return tokens.containsAll(other.tokens);
    }

    /** The tokens in both this scope and {@code other}. */
    public Scope intersect(Scope other) {
        return new Scope(tokens.stream().filter(other.tokens::contains).collect(Collectors.toSet()));
    }

    /** The tokens in their canonical (sorted) order. */
    public SortedSet<String> sorted() {
        return new TreeSet<>(tokens);
    }

    @Override
    public String toString() {
        return String.join(" ", sorted());
    }
}
