package dev.tokenservice.http.thirdparty;

import java.util.Base64;

/**
 * The syntax of a JWS in compact serialization (RFC 7515 §7.1): three segments separated by dots, each base64url
 * without padding (RFC 7515 §2, RFC 4648 §5). Only the canonical encoding passes: the URL-safe alphabet alone, no
 * {@code =}, no whitespace, no length that leaves a lone character ({@code ≡ 1 mod 4}), and zero trailing bits, so that
 * a token has exactly one spelling. Lenient decoders (the JWT library's included) accept the standard alphabet,
 * padding, blanks and stray trailing bits, and would let one signed token travel under many spellings. Thread-safe.
 */
final class CompactJws {
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CompactJws() { }

    /** Whether {@code value} is three segments of canonical base64url, each possibly empty. */
    static boolean isCanonical(String value) {
        int first = value.indexOf('.');
        int second = first < 0 ? -1 : value.indexOf('.', first + 1);
        if (second < 0 || value.indexOf('.', second + 1) >= 0) {
            return false;
        }
        return isCanonicalBase64Url(value.substring(0, first))
                && isCanonicalBase64Url(value.substring(first + 1, second))
                && isCanonicalBase64Url(value.substring(second + 1));
    }

    /** Whether {@code segment} is the unpadded base64url encoding of some bytes, and the only one of them. */
    static boolean isCanonicalBase64Url(String segment) {
        if (segment.length() % 4 == 1) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!alphabet) {
                return false;
            }
        }
        // Bits beyond the last whole byte are ignored by decoders; only zeros make the encoding unique.
        return ENCODER.encodeToString(DECODER.decode(segment)).equals(segment);
    }
}
