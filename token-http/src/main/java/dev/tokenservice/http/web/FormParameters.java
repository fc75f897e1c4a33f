package dev.tokenservice.http.web;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decoded form or query parameters, each present at most once (RFC 6749 §3.2: "Request and response parameters
 * MUST NOT be included more than once"). Immutable, thread-safe.
 */
public record FormParameters(Map<String, String> values) {
    public static final FormParameters EMPTY = new FormParameters(Map.of());

    public FormParameters {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    /**
     * The parameter's value; empty when absent or sent without a value (RFC 6749 §3.1: "Parameters sent without a
     * value MUST be treated as if they were omitted from the request").
     */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** True when the parameter was sent with a non-empty value. */
    public boolean has(String name) {
        return get(name).isPresent();
    }

    /** Never prints values: they may be secrets. */
    @Override
    public String toString() {
        return "FormParameters" + new java.util.TreeSet<>(values.keySet());
    }
}
