package dev.tokenservice.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * What failed authentications are counted under: a client id, a username, a (client id, username) pair, or a client's
 * third-party grant. The value is the kind and the SHA-256 of the names, base64url: fixed in length whatever the names,
 * unambiguous (the names are length-prefixed before hashing), and a throttle store never holds a username in clear.
 *
 * @param kind  what is counted
 * @param value {@code <kind>:<43 base64url characters>}, the key as stored
 */
public record ThrottleKey(Kind kind, String value) {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** What a key counts the failures of. */
    public enum Kind {
        /** Wrong secrets presented for one client id, known or not. */
        CLIENT,
        /** Wrong passwords for one username, through any client. */
        USER,
        /** Wrong passwords for one username through one client. */
        PAIR,
        /** Third-party tokens refused for one client and one third-party grant type. */
        THIRD_PARTY;

        String prefix() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-') + ":";
        }
    }

    public ThrottleKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(kind.prefix())) {
            throw new IllegalArgumentException("throttle key must start with " + kind.prefix());
        }
    }

    /** Failures of client authentication under {@code clientId}. */
    public static ThrottleKey client(ClientId clientId) {
        return of(Kind.CLIENT, clientId.value());
    }

    /** Failed passwords of {@code username}, through any client. */
    public static ThrottleKey user(Username username) {
        return of(Kind.USER, username.value());
    }

    /** Failed passwords of {@code username} through {@code clientId}. */
    public static ThrottleKey pair(ClientId clientId, Username username) {
        return of(Kind.PAIR, clientId.value(), username.value());
    }

    /** Refused third-party tokens sent by {@code clientId} with {@code grantType}. */
    public static ThrottleKey thirdParty(ClientId clientId, GrantType grantType) {
        return of(Kind.THIRD_PARTY, clientId.value(), grantType.value());
    }

    private static ThrottleKey of(Kind kind, String... names) {
        StringBuilder joined = new StringBuilder();
        for (String name : names) {
            joined.append(name.length()).append(':').append(name);
        }
        return new ThrottleKey(kind, kind.prefix() + BASE64URL.encodeToString(sha256(joined.toString())));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
