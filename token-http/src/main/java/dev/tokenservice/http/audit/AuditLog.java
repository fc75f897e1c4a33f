package dev.tokenservice.http.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenservice.core.model.ClientId;
import dev.tokenservice.core.model.HolderSelector;
import dev.tokenservice.core.model.TokenHolder;
import dev.tokenservice.core.model.TokenSummary;
import dev.tokenservice.core.model.Username;
import dev.tokenservice.core.port.TokenEventListener;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per security event of the core at INFO on the logger {@value #LOGGER_NAME}: token issued, refresh
 * token rotated, refresh token reuse detected, tokens revoked (by whom: the client, an administrator, or the service
 * on reuse or replacement), authentication failed, account linked. A line names clients, users and token ids, never a
 * token value, digest or secret: the events carry none. Values a caller chose (a claimed client id or username) are
 * escaped and cut to {@value #MAX_VALUE_LENGTH} characters, so that no request can forge or flood a line.
 * Thread-safe.
 */
public final class AuditLog implements TokenEventListener {
    /** The logger of the audit lines; route or silence it in the logging configuration. */
    public static final String LOGGER_NAME = "dev.tokenservice.audit";
    static final int MAX_VALUE_LENGTH = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditFormat format;
    private final Logger logger;
    private final Clock clock;

    public AuditLog(AuditFormat format, Clock clock) {
        this(format, clock, LoggerFactory.getLogger(LOGGER_NAME));
    }

    /** Writes to {@code logger} instead of {@value #LOGGER_NAME}. */
    public AuditLog(AuditFormat format, Clock clock, Logger logger) {
        this.format = Objects.requireNonNull(format, "format");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public void issued(Issued event) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        Line line = line("token_issued").put("grant_type", event.grantType().value());
        token(line, event.token()).put("refresh_token", event.withRefreshToken());
        write(line);
    }

    @Override
    public void refreshed(Refreshed event) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        Line line = line("refresh_token_rotated");
        token(line, event.token()).put("family_id", event.familyId().value())
                .put("retired_token_id", event.retiredId().value());
        write(line);
    }

    @Override
    public void reuseDetected(ReuseDetected event) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        write(holder(line("refresh_token_reuse_detected"), event.clientId(), event.username())
                .put("family_id", event.familyId().value()).put("token_id", event.refreshTokenId().value()));
    }

    @Override
    public void revoked(Revoked event) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        Line line = line("tokens_revoked").put("cause", event.cause().name().toLowerCase(Locale.ROOT))
                .put("count", event.count());
        TokenHolder by = event.requestedBy();
        if (by != null) {
            line.put("by_client_id", by.clientId().value()).put("by_username", value(by.username()));
        }
        HolderSelector selector = event.selector();
        if (selector != null) {
            line.put("client_id", selector.clientId() == null ? null : selector.clientId().value())
                    .put("username", value(selector.username()));
        }
        if (event.tokenId() != null) {
            line.put("token_id", event.tokenId().value());
        }
        if (event.familyId() != null) {
            line.put("family_id", event.familyId().value());
        }
        write(line);
    }

    @Override
    public void authenticationFailed(AuthenticationFailed event) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        write(line("authentication_failed").put("party", event.party().name().toLowerCase(Locale.ROOT))
                .put(event.party() == Party.CLIENT ? "client_id" : "username", event.name()));
    }

    @Override
    public void accountLinked(AccountLinked event) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        write(line("account_linked").put("provider", event.thirdPartySubject().provider())
                .put("subject", event.thirdPartySubject().subject()).put("username", event.username().value()));
    }

    private Line line(String event) {
        return new Line().put("time", clock.instant().toString()).put("event", event);
    }

    private static Line token(Line line, TokenSummary token) {
        return holder(line, token.clientId(), token.username()).put("token_id", token.id().value())
                .put("scope", token.scope().toString()).put("expires_at", token.expiresAt().toString());
    }

    private static Line holder(Line line, ClientId clientId, Username username) {
        return line.put("client_id", clientId.value()).put("username", value(username));
    }

    private static String value(Username username) {
        return username == null ? null : username.value();
    }

    private void write(Line line) {
        logger.info(format == AuditFormat.JSON ? line.json() : line.text());
    }

    /** The fields of one line, in order; a {@code null} value is left out. */
    private static final class Line {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Line put(String name, Object value) {
            if (value != null) {
                fields.put(name, value instanceof String text ? cut(text) : value);
            }
            return this;
        }

        String text() {
            StringBuilder text = new StringBuilder();
            fields.forEach((name, value) -> {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(name).append('=');
                appendText(text, value.toString());
            });
            return text.toString();
        }

        String json() {
            try {
                return JSON.writeValueAsString(fields);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a map of strings, numbers and booleans always serializes", e);
            }
        }

        private static String cut(String value) {
            return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "...";
        }

        /** Plain when the value is one harmless word; otherwise quoted, with quotes and control characters escaped. */
        private static void appendText(StringBuilder text, String value) {
            if (!value.isEmpty() && value.chars().allMatch(Line::isPlain)) {
                text.append(value);
                return;
            }
            text.append('"');
            value.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    text.append('\\').append((char) c);
                } else if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                    text.append(String.format(Locale.ROOT, "\\u%04x", c));
                } else {
                    text.append((char) c);
                }
            });
            text.append('"');
        }

        private static boolean isPlain(int c) {
            return c > 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '=';
        }
    }
}
