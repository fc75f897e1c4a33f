package dev.tokenservice.http.launcher;

import dev.tokenservice.http.audit.AuditFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What the stand-alone server tells its operators besides its answers. Immutable.
 *
 * @param metrics  {@code TOKEN_METRICS}: {@code on} (default) serves {@code GET /metrics} and counts every request;
 *                 {@code off} neither
 * @param auditLog {@code TOKEN_AUDIT_LOG}: {@code text} (default) or {@code json} lines on the logger
 *                 {@code dev.tokenservice.audit}; {@code null} ({@code off}) for none
 */
public record ObservabilityConfig(boolean metrics, AuditFormat auditLog) {
    /** Metrics on, audit log as text. */
    public static final ObservabilityConfig DEFAULT = new ObservabilityConfig(true, AuditFormat.TEXT);

    static ObservabilityConfig read(Settings settings) {
        return new ObservabilityConfig(onOff(settings, "TOKEN_METRICS"), auditFormat(settings));
    }

    /** The audit log's format; empty when it is off. */
    public Optional<AuditFormat> audit() {
        return Optional.ofNullable(auditLog);
    }

    /** This configuration with metrics on or off. */
    public ObservabilityConfig withMetrics(boolean on) {
        return new ObservabilityConfig(on, auditLog);
    }

    private static boolean onOff(Settings settings, String variable) {
        return switch (settings.text(variable).orElse("on").toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(variable + " must be on or off");
        };
    }

    private static AuditFormat auditFormat(Settings settings) {
        return switch (settings.text("TOKEN_AUDIT_LOG").orElse("text").toLowerCase(Locale.ROOT)) {
            case "text" -> AuditFormat.TEXT;
            case "json" -> AuditFormat.JSON;
            case "off" -> null;
            default -> throw new IllegalArgumentException("TOKEN_AUDIT_LOG must be text, json or off");
        };
    }

    @Override
    public String toString() {
        return "metrics=" + (metrics ? "on" : "off") + ", audit_log="
                + (auditLog == null ? "off" : auditLog.name().toLowerCase(Locale.ROOT));
    }
}
