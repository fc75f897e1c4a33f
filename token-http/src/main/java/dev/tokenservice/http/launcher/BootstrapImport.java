package dev.tokenservice.http.launcher;

import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.UserAccountStore;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates or replaces the clients and users of a {@link BootstrapFile}. Their secrets were chosen by people, so both
 * client secrets and passwords are hashed with the slow hashers given. Repeatable: a second import leaves the same
 * clients and users.
 */
final class BootstrapImport {
    private final ClientStore clients;
    private final UserAccountStore users;
    private final SecretHasher clientSecrets;
    private final SecretHasher passwords;

    BootstrapImport(ClientStore clients, UserAccountStore users, SecretHasher clientSecrets, SecretHasher passwords) {
        this.clients = clients;
        this.users = users;
        this.clientSecrets = clientSecrets;
        this.passwords = passwords;
    }

    /** Imports every entry; a bad entry fails with {@link IllegalArgumentException} naming it, before anything is saved. */
    void apply(BootstrapFile file) {
        List<Client> newClients = file.clients().stream().map(this::client).toList();
        List<UserAccount> newUsers = file.users().stream().map(this::user).toList();
        newClients.forEach(clients::save);
        newUsers.forEach(users::save);
    }

    private Client client(BootstrapFile.ClientEntry entry) {
        try {
            Scope scopes = Scope.of(entry.scopes());
            return Client.builder(entry.clientId())
                    .secretHash(secretHash(entry))
                    .grantTypes(entry.grantTypes().stream().map(GrantType::of).collect(Collectors.toSet()))
                    .allowedScopes(scopes)
                    .defaultScopes(scopes)
                    .authorities(authorities(entry.authorities()))
                    .accessTokenFormat(entry.accessTokenFormat() == null ? null
                            : AccessTokenFormat.of(entry.accessTokenFormat()))
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("bootstrap client " + entry.clientId() + " is not valid: " + e.getMessage());
        }
    }

    private UserAccount user(BootstrapFile.UserEntry entry) {
        try {
            SecretHash password = entry.password() != null ? passwords.hash(entry.password())
                    : supported(passwords, entry.passwordHash(), "password_hash");
            return new UserAccount(Username.of(entry.username()), password, authorities(entry.authorities()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bootstrap user " + entry.username() + " is not valid: " + e.getMessage());
        }
    }

    private SecretHash secretHash(BootstrapFile.ClientEntry entry) {
        if (entry.clientSecret() != null) {
            return clientSecrets.hash(entry.clientSecret());
        }
        return entry.clientSecretHash() == null ? null
                : supported(clientSecrets, entry.clientSecretHash(), "client_secret_hash");
    }

    /** A given hash, if a scheme of {@code hasher} can verify against it: anything else could never authenticate. */
    private static SecretHash supported(SecretHasher hasher, String value, String field) {
        SecretHash hash = SecretHash.of(value);
        if (!hasher.supports(hash)) {
            throw new IllegalArgumentException(field + " must be a $sha256$ or $pbkdf2-sha256$ hash");
        }
        return hash;
    }

    private static Set<Authority> authorities(List<String> names) {
        return names.stream().map(Authority::of).collect(Collectors.toSet());
    }
}
