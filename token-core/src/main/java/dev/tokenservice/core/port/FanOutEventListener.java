package dev.tokenservice.core.port;

import java.util.List;

/** Tells several listeners of each event, in order: {@link TokenEventListener#allOf}. Immutable, thread-safe. */
final class FanOutEventListener implements TokenEventListener {
    private final TokenEventListener[] listeners;

    FanOutEventListener(List<TokenEventListener> listeners) {
        this.listeners = listeners.toArray(TokenEventListener[]::new);
    }

    @Override
    public void issued(Issued event) {
        for (TokenEventListener listener : listeners) {
            listener.issued(event);
        }
    }

    @Override
    public void refreshed(Refreshed event) {
        for (TokenEventListener listener : listeners) {
            listener.refreshed(event);
        }
    }

    @Override
    public void revoked(Revoked event) {
        for (TokenEventListener listener : listeners) {
            listener.revoked(event);
        }
    }

    @Override
    public void reuseDetected(ReuseDetected event) {
        for (TokenEventListener listener : listeners) {
            listener.reuseDetected(event);
        }
    }

    @Override
    public void authenticationFailed(AuthenticationFailed event) {
        for (TokenEventListener listener : listeners) {
            listener.authenticationFailed(event);
        }
    }

    @Override
    public void accountLinked(AccountLinked event) {
        for (TokenEventListener listener : listeners) {
            listener.accountLinked(event);
        }
    }
}
