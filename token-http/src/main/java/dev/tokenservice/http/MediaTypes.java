package dev.tokenservice.http;

import java.util.Locale;

/** Checks of {@code Content-Type} values (RFC 9110 §8.3). Stateless, thread-safe. */
final class MediaTypes {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private MediaTypes() { }

    /**
     * True for {@code application/x-www-form-urlencoded}, with no parameter or only a UTF-8 {@code charset}
     * (RFC 6749 Appendix B: the form body is UTF-8). Type and parameter names are case-insensitive.
     */
    static boolean isUtf8Form(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(FORM)) {
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
