package dev.tokenservice.http.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A servlet filter that records each request the server answers: the bytes the endpoint read, and, when it read
 * less than the whole body (a request refused before its body), the rest up to {@link #MAX_BODY} bytes, so the record
 * shows what was sent. The record is made before the first byte of the answer goes out, so a client that has its
 * answer finds its request recorded. The endpoints see the request and the response unchanged. Thread-safe.
 */
final class RequestRecorder extends HttpFilter {
    /** The most of a body kept; an endpoint's own limits are far below. */
    static final int MAX_BODY = 1 << 20;

    private final Clock clock;
    private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private final List<RecordedRequest> all = Collections.synchronizedList(new ArrayList<>());

    RequestRecorder(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Instant received = clock.instant();
        TeeRequest tee = new TeeRequest(request);
        RecordingResponse recording = new RecordingResponse(response, status -> record(new RecordedRequest(
                request.getMethod(), request.getRequestURI(), request.getQueryString(), headers(request), tee.body(),
                status, received)));
        try {
            chain.doFilter(tee, recording);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // The server's error filter, outside this one, answers it with a 500.
            recording.recordOnce(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        }
        recording.recordOnce(response.getStatus());
    }

    private void record(RecordedRequest recorded) {
        synchronized (all) {
            all.add(recorded);
            untaken.add(recorded);
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** The oldest request not yet taken, waiting up to {@code timeout}; {@code null} when none came. */
    RecordedRequest take(Duration timeout) throws InterruptedException {
        return untaken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every request received since the last {@link #clear()}, oldest first, taken or not. */
    List<RecordedRequest> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    void clear() {
        synchronized (all) {
            all.clear();
            untaken.clear();
        }
    }

    /** Records its request once: before the answer's first byte, or when the endpoint is done without one. */
    private static final class RecordingResponse extends HttpServletResponseWrapper {
        private final IntConsumer record;
        private boolean recorded;

        RecordingResponse(HttpServletResponse response, IntConsumer record) {
            super(response);
            this.record = record;
        }

        void recordOnce(int status) {
            if (!recorded) {
                recorded = true;
                record.accept(status);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            recordOnce(getStatus());
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            recordOnce(getStatus());
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            recordOnce(getStatus());
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            recordOnce(status);
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            recordOnce(status);
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            recordOnce(SC_FOUND);
            super.sendRedirect(location);
        }
    }

    /** Copies what the endpoint reads from the body, and reads the rest for the record once the endpoint is done. */
    private static final class TeeRequest extends HttpServletRequestWrapper {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private ServletInputStream stream;

        TeeRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new TeeStream(super.getInputStream(), copy);
            }
            return stream;
        }

        String body() {
            try {
                ServletInputStream in = getInputStream();
                byte[] buffer = new byte[8192];
                int read;
                do {
                    read = in.read(buffer); // the TeeStream copies what it reads
                } while (read > 0 && copy.size() < MAX_BODY);
            } catch (IOException | IllegalStateException e) {
                // The endpoint closed the stream or used the reader: the record keeps what it read.
            }
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    private static final class TeeStream extends ServletInputStream {
        private final ServletInputStream in;
        private final ByteArrayOutputStream copy;

        TeeStream(ServletInputStream in, ByteArrayOutputStream copy) {
            this.in = in;
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && copy.size() < MAX_BODY) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, Math.min(n, MAX_BODY - copy.size()));
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
