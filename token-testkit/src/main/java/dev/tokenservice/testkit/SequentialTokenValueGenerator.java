package dev.tokenservice.testkit;

import dev.tokenservice.core.model.TokenValue;
import dev.tokenservice.core.port.TokenValueGenerator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic token values and ids ({@code token-1}, {@code token-2}, ... and {@code id-1}, ...), so tests can
 * name the tokens they expect. Never use it outside tests: its values are guessable. Thread-safe.
 */
public final class SequentialTokenValueGenerator implements TokenValueGenerator {
    private final AtomicLong values = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public TokenValue newValue() {
        return TokenValue.of("token-" + values.incrementAndGet());
    }

    @Override
    public String newId() {
        return String.format("id-%06d", ids.incrementAndGet());
    }
}
