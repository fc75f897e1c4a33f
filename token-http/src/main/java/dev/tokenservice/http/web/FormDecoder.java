package dev.tokenservice.http.web;

import dev.tokenservice.core.OAuthException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A strict decoder of {@code application/x-www-form-urlencoded} data (RFC 6749 Appendix B, the HTML form encoding):
 * {@code +} is a space, {@code %XX} a byte, and the bytes must be valid UTF-8. A malformed escape, invalid UTF-8, a
 * repeated parameter, too many parameters or an over-long name is an {@code invalid_request}. Unlike a container's
 * own form parsing it never merges, drops or replaces anything. Stateless, thread-safe.
 */
public final class FormDecoder {
    /** More parameters than any grant needs; a bound on the work a request can cause. */
    static final int MAX_PARAMETERS = 32;
    /** A bound on parameter names. */
    private static final int MAX_NAME_LENGTH = 64;

    private FormDecoder() { }

    /** Decodes a form body or a raw query string. */
    public static FormParameters decode(byte[] raw) {
        Map<String, String> values = new LinkedHashMap<>();
        int start = 0;
        while (start <= raw.length) {
            int end = indexOf(raw, (byte) '&', start);
            if (end > start) {
                addPair(values, raw, start, end);
            }
            start = end + 1;
        }
        return new FormParameters(values);
    }

    /** Decodes a raw query string as sent on the request line; {@code null} means none. */
    public static FormParameters decodeQuery(String rawQuery) {
        return rawQuery == null ? FormParameters.EMPTY : decode(rawQuery.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes one form-urlencoded component ({@code +} is a space), as in the id and secret of HTTP Basic client
     * authentication (RFC 6749 §2.3.1).
     */
    public static String decodeComponent(String encoded) {
        byte[] bytes = encoded.getBytes(StandardCharsets.UTF_8);
        return decodeRange(bytes, 0, bytes.length, true);
    }

    /** Decodes one percent-encoded path segment (RFC 3986 §2.1): {@code +} stays a plus sign. */
    public static String decodePathSegment(String encoded) {
        byte[] bytes = encoded.getBytes(StandardCharsets.UTF_8);
        return decodeRange(bytes, 0, bytes.length, false);
    }

    private static void addPair(Map<String, String> values, byte[] raw, int start, int end) {
        int equals = indexOf(raw, (byte) '=', start);
        int nameEnd = Math.min(equals, end);
        String name = decodeRange(raw, start, nameEnd, true);
        String value = nameEnd < end ? decodeRange(raw, nameEnd + 1, end, true) : "";
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw OAuthException.invalidRequest("a parameter name is empty or too long");
        }
        if (values.containsKey(name)) {
            throw OAuthException.invalidRequest("parameter " + printable(name) + " is repeated");
        }
        if (values.size() == MAX_PARAMETERS) {
            throw OAuthException.invalidRequest("too many parameters");
        }
        values.put(name, value);
    }

    private static String decodeRange(byte[] raw, int start, int end, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = raw[i];
            if (b == '%') {
                if (i + 2 >= end) {
                    throw OAuthException.invalidRequest("malformed percent-encoding");
                }
                int high = Character.digit(raw[i + 1], 16);
                int low = Character.digit(raw[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw OAuthException.invalidRequest("malformed percent-encoding");
                }
                out.write((high << 4) | low);
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return strictUtf8(out.toByteArray())
                .orElseThrow(() -> OAuthException.invalidRequest("parameters must be UTF-8"));
    }

    /** The bytes as UTF-8; empty when they are not valid UTF-8 (never replaced with U+FFFD). */
    public static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] raw, byte wanted, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == wanted) {
                return i;
            }
        }
        return raw.length;
    }

    /** A parameter name safe to echo in a description (RFC 6749 §5.2 limits its characters); others are not echoed. */
    private static String printable(String name) {
        return name.matches("[A-Za-z0-9_.-]+") ? name : "(name)";
    }
}
