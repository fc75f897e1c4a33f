package dev.tokenservice.persistence;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}) and credentials.
 * {@link #toString()} never shows the password, nor a {@code password} parameter of the URL.
 *
 * @param url      the JDBC URL
 * @param user     the database user; {@code null} for none
 * @param password the user's password; {@code null} for none
 */
public record DatabaseSettings(String url, String user, String password) {
    private static final Pattern MEMORY_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    /**
     * H2 settings for the stand-alone server's file database. {@code DB_CLOSE_ON_EXIT=FALSE}: H2 must not close
     * the database from its own shutdown hook while the server still drains requests; whoever opens the
     * {@link Database} closes it after the server stopped, and that closes the file cleanly.
     */
    private static final String H2_FILE_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE";

    /**
     * {@code DB_CLOSE_DELAY=-1}: an in-memory database lives until {@link Database#close()} shuts it down, even
     * when the pool happens to hold no connection for a moment.
     */
    private static final String H2_MEMORY_OPTIONS = ";DB_CLOSE_DELAY=-1";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database URL must be a JDBC URL (jdbc:h2:... or jdbc:postgresql:...)");
        }
    }

    /**
     * The embedded default: an H2 file database {@code <dataDir>/tokens} (H2 adds {@code .mv.db}), user
     * {@code sa} without password. The database stays open until {@link Database#close()}.
     */
    public static DatabaseSettings h2File(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        String path = dataDir.toAbsolutePath().normalize().resolve("tokens").toString().replace('\\', '/');
        if (path.contains(";")) {
            throw new IllegalArgumentException("data folder must not contain ';'");
        }
        return new DatabaseSettings("jdbc:h2:file:" + path + H2_FILE_OPTIONS, "sa", "");
    }

    /** A private H2 in-memory database named {@code name} (letters, digits, {@code _} and {@code -}), for tests. */
    public static DatabaseSettings h2Memory(String name) {
        Objects.requireNonNull(name, "name");
        if (!MEMORY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("in-memory database name must be 1 to 100 letters, digits, _ or -");
        }
        return new DatabaseSettings("jdbc:h2:mem:" + name + H2_MEMORY_OPTIONS, "sa", "");
    }

    /** The URL with any {@code password} parameter masked: safe for logs and error messages. */
    public String redactedUrl() {
        return URL_PASSWORD.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user
                + ", password=" + (password == null || password.isEmpty() ? "none" : "***") + "]";
    }
}
