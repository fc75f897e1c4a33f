package dev.tokenservice.http.web;

import java.util.Locale;

/** The media types of the API and the check of a form's {@code Content-Type} (RFC 9110 §8.3). Stateless, thread-safe. */
public final class MediaTypes {
    /** The type of every JSON answer, without a charset parameter (as the Knetik API sends it). */
    public static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private MediaTypes() { }

    /**
     * True for {@code application/x-www-form-urlencoded}, with no parameter or only a UTF-8 {@code charset}
     * (RFC 6749 Appendix B: the form body is UTF-8). Type and parameter names are case-insensitive.
     */
    public static boolean isUtf8Form(String contentType) {
        return isUtf8(contentType, FORM);
    }

    /** True for {@code application/json}, with no parameter or only a UTF-8 {@code charset} (RFC 8259 §8.1). */
    public static boolean isJson(String contentType) {
        return isUtf8(contentType, JSON);
    }

    private static boolean isUtf8(String contentType, String type) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(type)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !parameter.equals("charset=utf-8") && !parameter.equals("charset=\"utf-8\"")) {
                return false;
            }
        }
        return true;
    }
}
