package dev.tokenservice.http.endtoend;

import dev.tokenservice.http.launcher.ServerConfig;
import dev.tokenservice.http.launcher.TokenServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Two stand-alone servers on one PostgreSQL schema, started from the same settings on free ports. */
record TwoServers(TokenServer a, TokenServer b) implements AutoCloseable {

    /** {@code settings} are environment variables beside the database's, the data folder and a free port. */
    static TwoServers start(PostgresSchema database, Path dataDir, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(database.serverSettings());
        environment.putAll(settings);
        environment.put("TOKEN_SERVER_PORT", "0");
        environment.put("TOKEN_DATA_DIR", dataDir.toString());
        ServerConfig config = ServerConfig.from(environment, new Properties()).withRequestLog(false);
        PrintStream console = new PrintStream(OutputStream.nullOutputStream());
        TokenServer a = TokenServer.start(config, console);
        try {
            return new TwoServers(a, TokenServer.start(config, console));
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    @Override
    public void close() {
        b.close();
        a.close();
    }
}
