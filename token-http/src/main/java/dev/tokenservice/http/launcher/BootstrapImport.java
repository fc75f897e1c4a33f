package dev.tokenservice.http.launcher;

import dev.tokenservice.core.ClientAdministration;
import dev.tokenservice.core.model.AccessTokenFormat;
import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.Client;
import dev.tokenservice.core.model.ClientSettings;
import dev.tokenservice.core.model.GrantType;
import dev.tokenservice.core.model.LiveTokenLimit;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SecretHash;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.policy.RefreshFamilySettings;
import dev.tokenservice.core.port.ClientStore;
import dev.tokenservice.core.port.SecretHasher;
import dev.tokenservice.core.port.UserAccountStore;
import java.time.Duration;
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
    private final Scope defaultScopes;
    private final boolean sealing;

    /**
     * @param defaultScopes the server's default scopes, for clients without {@code default_scopes}
     * @param sealing       whether the server seals tokens, which the issuance policy {@code REUSE_LIVE} needs
     */
    BootstrapImport(ClientStore clients, UserAccountStore users, SecretHasher clientSecrets, SecretHasher passwords,
            Scope defaultScopes, boolean sealing) {
        this.clients = clients;
        this.users = users;
        this.clientSecrets = clientSecrets;
        this.passwords = passwords;
        this.defaultScopes = defaultScopes;
        this.sealing = sealing;
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
            LiveTokenLimit issuancePolicy = issuancePolicy(entry.issuancePolicy());
            if (issuancePolicy == LiveTokenLimit.REUSE_LIVE && !sealing) {
                throw new IllegalArgumentException("issuance_policy REUSE_LIVE needs sealing, which is off");
            }
            ClientSettings settings = new ClientSettings(
                    entry.grantTypes().stream().map(GrantType::of).collect(Collectors.toSet()),
                    Scope.of(entry.scopes()),
                    entry.defaultScopes() == null ? null : Scope.of(entry.defaultScopes()),
                    authorities(entry.authorities()),
                    lifetime(entry.accessTokenTtl(), "access_token_ttl"),
                    lifetime(entry.refreshTokenTtl(), "refresh_token_ttl"),
                    issuancePolicy);
            return settings.applyTo(Client.builder(entry.clientId()), defaultScopes)
                    .secretHash(secretHash(entry))
                    .refreshFamilyLifetime(lifetime(entry.refreshFamilyTtl(), "refresh_family_ttl"))
                    .refreshGraceWindow(entry.refreshGrace() == null ? null
                            : RefreshFamilySettings.requireGraceWindow(Duration.ofSeconds(entry.refreshGrace())))
                    .accessTokenFormat(entry.accessTokenFormat() == null ? null
                            : AccessTokenFormat.of(entry.accessTokenFormat()))
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("bootstrap client " + entry.clientId() + " is not valid: " + e.getMessage());
        }
    }

    private static Duration lifetime(Long seconds, String field) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 1 || seconds > ClientAdministration.MAX_LIFETIME.getSeconds()) {
            throw new IllegalArgumentException(field + " must be between 1 and "
                    + ClientAdministration.MAX_LIFETIME.getSeconds() + " seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    private static LiveTokenLimit issuancePolicy(String name) {
        if (name == null) {
            return null;
        }
        try {
            return LiveTokenLimit.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("issuance_policy must be NEW_PER_REQUEST, REPLACE_PREVIOUS or REUSE_LIVE");
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
