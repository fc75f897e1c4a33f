package dev.tokenservice.http.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a hard size limit, so a request can never make the server buffer more. Thread-safe. */
public final class RequestBodies {
    /**
     * How much of a refused body is read and dropped so that the {@code 413} reaches the caller: closing a connection
     * with unread bytes makes TCP reset it, and the caller may lose the answer (Tomcat swallows 2 MiB for the same
     * reason). A body announced as larger is not read at all.
     */
    private static final int MAX_SWALLOWED_BYTES = 1024 * 1024;

    private RequestBodies() { }

    /** The whole body, or {@link PayloadTooLargeException} as soon as it is known to exceed {@code limit}. */
    public static byte[] read(HttpServletRequest request, int limit) throws IOException, PayloadTooLargeException {
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared > limit) {
                if (declared <= MAX_SWALLOWED_BYTES) {
                    swallow(in, new byte[8192]);
                }
                throw new PayloadTooLargeException();
            }
            if (declared >= 0) {
                // The usual case: a small form of known length, read into an array of exactly that size.
                return in.readNBytes((int) declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > limit) {
                    swallow(in, buffer);
                    throw new PayloadTooLargeException();
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }

    /** Reads and drops the rest of the body, up to {@link #MAX_SWALLOWED_BYTES}. */
    private static void swallow(InputStream in, byte[] buffer) throws IOException {
        long left = MAX_SWALLOWED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer)) != -1) {
            left -= read;
        }
    }
}
