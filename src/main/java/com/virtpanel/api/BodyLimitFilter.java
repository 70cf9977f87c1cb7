package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the configured size: at once when Content-Length says so,
 * and while reading when it does not (chunked uploads), so no parser ever sees more.
 * Before the refusal, what is left of the body is read and dropped, up to
 * {@value #DRAINED_AT_MOST} bytes: the refusal closes the connection, and a client still
 * sending when it closes is reset and may lose the answer unread (Jetty drains nothing itself;
 * Tomcat read up to 2 MiB).
 */
class BodyLimitFilter extends OncePerRequestFilter {

    static final long DRAINED_AT_MOST = 2L << 20;

    /** Thrown from the wrapped stream; {@link ApiExceptionHandler} turns it into 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final Problems problems;

    BodyLimitFilter(long limit, Problems problems) {
        this.limit = limit;
        this.problems = problems;
    }

    static UserMessage detail(long limit) {
        return UserMessage.of("error.api.body-larger-than", limit / 1024);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            if (request.getContentLengthLong() <= DRAINED_AT_MOST) {
                drain(request.getInputStream());
            }
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Payload too large",
                    detail(limit), Map.of(HttpHeaders.CONNECTION, "close"));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Reads and drops the rest of a refused body, up to {@link #DRAINED_AT_MOST} bytes. */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        long drained = 0;
        try {
            for (int n; drained < DRAINED_AT_MOST && (n = in.read(buffer)) > 0; ) {
                drained += n;
            }
        } catch (IOException gone) {
            // the client stopped sending: nothing left to drain
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                drain(in);
                throw new BodyTooLargeException(limit);
            }
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
    }
}
