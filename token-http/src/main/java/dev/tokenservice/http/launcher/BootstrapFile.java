package dev.tokenservice.http.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.http.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The bootstrap file: clients and users to create or update at start, secrets in clear (hashed on import).
 *
 * <pre>{@code
 * {"clients": [{"client_id": "admin-cli", "client_secret": "s3cret", "grant_types": ["client_credentials"],
 *               "scopes": ["read"], "authorities": ["TOKENS_ADMIN"]}],
 *  "users":   [{"username": "jane.doe@example.com", "password": "pa ss+word", "authorities": []}]}
 * }</pre>
 */
record BootstrapFile(List<ClientEntry> clients, List<UserEntry> users) {
    BootstrapFile {
        clients = clients == null ? List.of() : List.copyOf(clients);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A client; without {@code client_secret} it is public. */
    record ClientEntry(String clientId, String clientSecret, List<String> grantTypes, List<String> scopes,
            List<String> authorities) {
        ClientEntry {
            Objects.requireNonNull(clientId, "client_id is required");
            grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            authorities = authorities == null ? List.of() : List.copyOf(authorities);
        }

        @Override
        public String toString() {
            return "ClientEntry[" + clientId + "]";
        }
    }

    /** A resource owner. */
    record UserEntry(String username, String password, List<String> authorities) {
        UserEntry {
            Objects.requireNonNull(username, "username is required");
            Objects.requireNonNull(password, "password is required");
            authorities = authorities == null ? List.of() : List.copyOf(authorities);
        }

        @Override
        public String toString() {
            return "UserEntry[" + username + "]";
        }
    }

    /** Reads a bootstrap file; unknown fields are refused, so a misspelt one is not silently ignored. */
    static BootstrapFile read(Path file) {
        ObjectMapper mapper = JsonMappers.create();
        try {
            return mapper.readValue(Files.readAllBytes(file), BootstrapFile.class);
        } catch (IOException | RuntimeException e) {
            // Jackson's message may quote the file's content, secrets included: name the file only.
            throw new IllegalArgumentException("cannot read the bootstrap file " + file
                    + ": it must be JSON as described in the README (" + e.getClass().getSimpleName() + ")");
        }
    }
}
