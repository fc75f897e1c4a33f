package dev.tokenservice.http.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tokenservice.http.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The bootstrap file: clients and users to create or update at start. Secrets come in clear (hashed on import) or
 * already hashed ({@code client_secret_hash}, {@code password_hash}: a {@code $sha256$...} or
 * {@code $pbkdf2-sha256$...} string as the server stores it), so that the file need not hold a secret at all; or a
 * client asks for {@code "generate_secret": true}: the server generates its secret on the first import, stores its
 * SHA-256 and prints it once, and later imports keep it. A client may override the server's refresh-family lifetime
 * ({@code refresh_family_ttl}, seconds) and refresh grace window ({@code refresh_grace}, seconds; 0 turns it off for
 * the client).
 *
 * <pre>{@code
 * {"clients": [{"client_id": "admin-cli", "client_secret": "s3cret", "grant_types": ["client_credentials"],
 *               "scopes": ["read"], "authorities": ["TOKENS_ADMIN"]},
 *              {"client_id": "web.app", "grant_types": ["password", "refresh_token"], "scopes": ["read", "write"],
 *               "default_scopes": ["read"], "access_token_ttl": 900, "refresh_token_ttl": 86400,
 *               "issuance_policy": "REPLACE_PREVIOUS"},
 *              {"client_id": "orders.api", "client_secret": "s3cret", "grant_types": ["client_credentials"],
 *               "access_token_format": "jwt"}],
 *  "users":   [{"username": "jane.doe@example.com", "password": "pa ss+word", "authorities": []}]}
 * }</pre>
 */
record BootstrapFile(List<ClientEntry> clients, List<UserEntry> users) {
    BootstrapFile {
        clients = clients == null ? List.of() : List.copyOf(clients);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * A client; without {@code client_secret}, {@code client_secret_hash} or {@code generate_secret} it is public.
     * Without {@code default_scopes} it gets the server's default scopes that are among its {@code scopes} (all of them
     * when the server has none); lifetimes (seconds: {@code access_token_ttl}, {@code refresh_token_ttl},
     * {@code refresh_family_ttl}), {@code refresh_grace} (seconds), {@code issuance_policy} and
     * {@code access_token_format} ({@code opaque} or {@code jwt}) left out are the server's.
     */
    record ClientEntry(String clientId, String clientSecret, String clientSecretHash, Boolean generateSecret,
            List<String> grantTypes, List<String> scopes, List<String> authorities, List<String> defaultScopes,
            Long accessTokenTtl, Long refreshTokenTtl, String issuancePolicy, Long refreshFamilyTtl, Long refreshGrace,
            String accessTokenFormat) {
        ClientEntry {
            Objects.requireNonNull(clientId, "client_id is required");
            generateSecret = Boolean.TRUE.equals(generateSecret);
            int secrets = (clientSecret != null ? 1 : 0) + (clientSecretHash != null ? 1 : 0)
                    + (generateSecret ? 1 : 0);
            if (secrets > 1) {
                throw new IllegalArgumentException(
                        "give client_secret or client_secret_hash or generate_secret, not two of them");
            }
            grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            authorities = authorities == null ? List.of() : List.copyOf(authorities);
        }

        @Override
        public String toString() {
            return "ClientEntry[" + clientId + "]";
        }
    }

    /** A resource owner, with exactly one of {@code password} and {@code password_hash}. */
    record UserEntry(String username, String password, String passwordHash, List<String> authorities) {
        UserEntry {
            Objects.requireNonNull(username, "username is required");
            if ((password == null) == (passwordHash == null)) {
                throw new IllegalArgumentException("give password or password_hash");
            }
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
        } catch (ValueInstantiationException e) {
            // Thrown by this file's records, whose messages name fields and never quote values.
            Throwable reason = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("the bootstrap file " + file + " is not valid: " + reason.getMessage());
        } catch (IOException | RuntimeException e) {
            // Jackson's message may quote the file's content, secrets included: name the file only.
            throw new IllegalArgumentException("cannot read the bootstrap file " + file
                    + ": it must be JSON as described in the README (" + e.getClass().getSimpleName() + ")");
        }
    }
}
