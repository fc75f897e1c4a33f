package dev.tokenservice.http.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger at INFO (or off) that keeps the formatted lines it is given, for tests of what is logged. */
final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final boolean infoEnabled;

    CapturingLogger() {
        this(true);
    }

    /** @param infoEnabled whether INFO (and WARN, ERROR) are on; off is a logger configured to WARN or less */
    CapturingLogger(boolean infoEnabled) {
        this.name = AuditLog.LOGGER_NAME;
        this.infoEnabled = infoEnabled;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        lines.add(MessageFormatter.basicArrayFormat(messagePattern, arguments));
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return infoEnabled;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
