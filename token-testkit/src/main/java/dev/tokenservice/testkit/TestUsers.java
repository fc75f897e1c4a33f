package dev.tokenservice.testkit;

import dev.tokenservice.core.model.Authority;
import dev.tokenservice.core.model.UserAccount;
import dev.tokenservice.core.model.Username;
import java.util.Set;

/** User fixtures with known passwords, hashed by {@link TestHashers#fast()}. */
public final class TestUsers {
    public static final Username ALICE = Username.of("alice");
    public static final String ALICE_PASSWORD = "alice-password";
    public static final Username BOB = Username.of("bob");
    public static final String BOB_PASSWORD = "bob-password";

    private TestUsers() { }

    /** Alice, an ordinary user. */
    public static UserAccount alice() {
        return new UserAccount(ALICE, TestHashers.fast().hash(ALICE_PASSWORD), Set.of());
    }

    /** Bob, an ordinary user. */
    public static UserAccount bob() {
        return new UserAccount(BOB, TestHashers.fast().hash(BOB_PASSWORD), Set.of());
    }

    /** A user holding {@code authorities}, with password {@code password}. */
    public static UserAccount user(String username, String password, Authority... authorities) {
        return new UserAccount(Username.of(username), TestHashers.fast().hash(password), Set.of(authorities));
    }
}
