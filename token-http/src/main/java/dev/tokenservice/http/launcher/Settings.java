package dev.tokenservice.http.launcher;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The stand-alone server's settings by variable name: the system property of the same name in lower case with dots
 * first, then the environment variable; blank means unset. Immutable.
 */
record Settings(Map<String, String> environment, Properties properties) {
    Optional<String> text(String variable) {
        String value = properties.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (value == null) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    int integer(String variable, int absent) {
        Optional<String> text = text(variable);
        try {
            return text.isEmpty() ? absent : Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number");
        }
    }

    boolean bool(String variable, boolean absent) {
        Optional<String> text = text(variable).map(value -> value.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return absent;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false");
        };
    }

    long positive(String variable, long absent) {
        return seconds(variable, absent, 1);
    }

    long nonNegative(String variable, long absent) {
        return seconds(variable, absent, 0);
    }

    private long seconds(String variable, long absent, long least) {
        Optional<String> text = text(variable);
        try {
            long value = text.isEmpty() ? absent : Long.parseLong(text.get());
            if (value < least) {
                throw new IllegalArgumentException(variable + " must be " + least + " or more seconds");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number of seconds");
        }
    }
}
