package dev.tokenservice.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a hard size limit, so a request can never make the server buffer more. Thread-safe. */
final class RequestBodies {
    /** The largest body the token endpoint accepts: far above any real form, far below anything harmful. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    private RequestBodies() { }

    /** The whole body, or {@link PayloadTooLargeException} as soon as it is known to exceed {@code limit}. */
    static byte[] read(HttpServletRequest request, int limit) throws IOException, PayloadTooLargeException {
        if (request.getContentLengthLong() > limit) {
            throw new PayloadTooLargeException();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > limit) {
                    throw new PayloadTooLargeException();
                }
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }
}
