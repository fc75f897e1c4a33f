package dev.tokenservice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenservice.core.port.TokenEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every event it hears, in order, with assertion helpers. Thread-safe. */
public final class RecordingEventListener implements TokenEventListener {
    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void issued(Issued event) {
        events.add(event);
    }

    @Override
    public void refreshed(Refreshed event) {
        events.add(event);
    }

    @Override
    public void revoked(Revoked event) {
        events.add(event);
    }

    @Override
    public void reuseDetected(ReuseDetected event) {
        events.add(event);
    }

    @Override
    public void authenticationFailed(AuthenticationFailed event) {
        events.add(event);
    }

    @Override
    public void accountLinked(AccountLinked event) {
        events.add(event);
    }

    /** Every event heard so far, oldest first. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    /** The events of one type, oldest first. */
    public <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Asserts that exactly {@code count} events of {@code type} were heard, and returns them. */
    public <T> List<T> assertHeard(Class<T> type, int count) {
        List<T> heard = events(type);
        assertThat(heard).as("events of type %s", type.getSimpleName()).hasSize(count);
        return heard;
    }

    /** Asserts that no event of {@code type} was heard. */
    public void assertNotHeard(Class<?> type) {
        assertHeard(type, 0);
    }

    public void clear() {
        events.clear();
    }
}
