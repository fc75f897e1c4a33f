package dev.tokenservice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.Scope;
import dev.tokenservice.core.model.SealedToken;
import dev.tokenservice.core.model.TokenDetails;
import dev.tokenservice.core.model.TokenId;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.TokenValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scanner the secrecy tests rely on finds what {@code toString()} hides, so those tests can fail. */
class RecordStringsTest {

    @Test
    void mentionWhenValueHiddenByToStringOfANestedRecordThenTrue() {
        TokenSummary summary = new TokenSummary(TokenId.of("id-1"), ClientId.of("c"), null, Scope.EMPTY,
                Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        TokenDetails details = new TokenDetails(summary, TokenValue.of("hidden-value"));

        boolean mentioned = RecordStrings.mention(details, "hidden-value");

        assertThat(details.toString()).doesNotContain("hidden-value");
        assertThat(mentioned).isTrue();
    }

    @Test
    void mentionWhenValueInsideCollectionsMapsAndOptionalsThenTrue() {
        Object nested = List.of(Map.of("key", Optional.of(new SealedToken("v1.inside"))));

        boolean mentioned = RecordStrings.mention(nested, "v1.inside");

        assertThat(mentioned).isTrue();
    }

    @Test
    void mentionWhenValueAbsentThenFalse() {
        boolean mentioned = RecordStrings.mention(List.of(TokenValue.of("present")), "absent");

        assertThat(mentioned).isFalse();
    }
}
