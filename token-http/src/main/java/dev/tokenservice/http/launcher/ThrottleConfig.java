package dev.tokenservice.http.launcher;

import dev.tokenservice.core.policy.ThrottleSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The stand-alone server's throttle of failed authentications: its {@link ThrottleSettings} and where the failures
 * are counted. Immutable.
 *
 * @param settings {@code TOKEN_THROTTLE_FAILURES} (5), {@code TOKEN_THROTTLE_SHARED_FAILURES} (20),
 *                 {@code TOKEN_THROTTLE_DELAY} (1 s), {@code TOKEN_THROTTLE_MAX_DELAY} (300 s),
 *                 {@code TOKEN_THROTTLE_WINDOW} (900 s)
 * @param store    {@code TOKEN_THROTTLE_STORE}: {@code database} (every server on the database counts the same
 *                 failures), {@code memory} (this server alone; counts are lost on restart), or {@code auto}
 *                 (default): the database on PostgreSQL, memory on H2, whose file only one server opens
 */
public record ThrottleConfig(ThrottleSettings settings, Store store) {
    /** Where failures are counted. */
    public enum Store { AUTO, DATABASE, MEMORY }

    /** The defaults: {@link ThrottleSettings#DEFAULT}, counted where {@link Store#AUTO} says. */
    public static final ThrottleConfig DEFAULT = new ThrottleConfig(ThrottleSettings.DEFAULT, Store.AUTO);

    public ThrottleConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(store, "store");
    }

    /** This configuration with other settings. */
    public ThrottleConfig withSettings(ThrottleSettings value) {
        return new ThrottleConfig(value, store);
    }

    /**
     * Whether failures are counted in the database at {@code jdbcUrl}: always for {@link Store#DATABASE}; for
     * {@link Store#AUTO} unless it is H2, whose embedded database no second server can share, and where memory saves
     * the success path a query.
     */
    public boolean sharedOn(String jdbcUrl) {
        return switch (store) {
            case DATABASE -> true;
            case MEMORY -> false;
            case AUTO -> !jdbcUrl.startsWith("jdbc:h2:");
        };
    }

    static ThrottleConfig read(Settings settings) {
        ThrottleSettings defaults = ThrottleSettings.DEFAULT;
        int failures = settings.integer("TOKEN_THROTTLE_FAILURES", defaults.failures());
        int shared = settings.integer("TOKEN_THROTTLE_SHARED_FAILURES", defaults.sharedFailures());
        if (failures < 1 || shared < 1) {
            throw new IllegalArgumentException(
                    "TOKEN_THROTTLE_FAILURES and TOKEN_THROTTLE_SHARED_FAILURES must be 1 or more");
        }
        Duration delay = seconds(settings, "TOKEN_THROTTLE_DELAY", defaults.firstDelay());
        Duration max = seconds(settings, "TOKEN_THROTTLE_MAX_DELAY", defaults.maxDelay());
        Duration window = seconds(settings, "TOKEN_THROTTLE_WINDOW", defaults.window());
        if (max.compareTo(delay) < 0) {
            throw new IllegalArgumentException("TOKEN_THROTTLE_MAX_DELAY must not be below TOKEN_THROTTLE_DELAY");
        }
        if (window.compareTo(max) < 0) {
            throw new IllegalArgumentException("TOKEN_THROTTLE_WINDOW must not be below TOKEN_THROTTLE_MAX_DELAY");
        }
        String store = settings.text("TOKEN_THROTTLE_STORE").orElse("auto").toLowerCase(Locale.ROOT);
        Store where = switch (store) {
            case "auto" -> Store.AUTO;
            case "database" -> Store.DATABASE;
            case "memory" -> Store.MEMORY;
            default -> throw new IllegalArgumentException("TOKEN_THROTTLE_STORE must be auto, database or memory");
        };
        return new ThrottleConfig(new ThrottleSettings(failures, shared, delay, max, window), where);
    }

    private static Duration seconds(Settings settings, String variable, Duration absent) {
        return Duration.ofSeconds(settings.positive(variable, absent.getSeconds()));
    }

    @Override
    public String toString() {
        return settings.failures() + "/" + settings.sharedFailures() + " failures, "
                + settings.firstDelay().getSeconds() + "s.." + settings.maxDelay().getSeconds() + "s, window "
                + settings.window().getSeconds() + "s, " + store.name().toLowerCase(Locale.ROOT);
    }
}
