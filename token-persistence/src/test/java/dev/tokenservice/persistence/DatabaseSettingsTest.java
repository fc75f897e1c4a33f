package dev.tokenservice.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void toStringWhenPasswordSetThenHidesIt() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/tokens", "tokens", "s3cret!");

        assertThat(settings.toString()).doesNotContain("s3cret!").contains("tokens", "***");
    }

    @Test
    void toStringWhenUrlCarriesAPasswordParameterThenMasksIt() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db/tokens?user=tokens&password=s3cret!&ssl=true", null, null);

        assertThat(settings.toString()).doesNotContain("s3cret!").contains("password=***", "ssl=true");
    }

    @Test
    void h2FileWhenCalledThenFileDatabaseNamedTokensInTheFolder() {
        DatabaseSettings settings = DatabaseSettings.h2File(Path.of("/var/lib/token-server"));

        assertThat(settings.url()).startsWith("jdbc:h2:file:/var/lib/token-server/tokens;")
                .contains("DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void h2MemoryWhenNameWouldAddSettingsThenIllegalArgument() {
        assertThatThrownBy(() -> DatabaseSettings.h2Memory("x;INIT=RUNSCRIPT FROM 'evil.sql'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorWhenUrlIsNotJdbcThenIllegalArgument() {
        assertThatThrownBy(() -> new DatabaseSettings("postgres://db/tokens", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
