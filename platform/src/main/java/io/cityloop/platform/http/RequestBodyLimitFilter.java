package io.cityloop.platform.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps what a service reads of a request body before anything parses it, however the body is sent: a declared
 * {@code Content-Length} above the limit is refused 413 at once, and a chunked body is counted as it is read and
 * stops at the limit (the parser then fails with {@link BodyTooLargeException}, answered 413), so no request can
 * fill the heap. JSON and other bodies get {@code cityloop.http.max-body}; multipart uploads (photos) get
 * {@code cityloop.http.max-multipart-body} here and are streamed to disk by the container, whose
 * {@code spring.servlet.multipart.*} limits count chunked uploads too; form posts (Open311) are left to the
 * container's {@code maxPostSize}, which answers them in Open311's own error format.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxMultipartBody;

    public RequestBodyLimitFilter(long maxBody, long maxMultipartBody) {
        this.maxBody = maxBody;
        this.maxMultipartBody = maxMultipartBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean multipart = contentType.startsWith("multipart/");
        boolean form = contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        if (form) {
            // The container reads and caps form posts itself (maxPostSize), answered in each API's own format.
            chain.doFilter(request, response);
            return;
        }
        long limit = multipart ? maxMultipartBody : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        String body = "{\"type\":\"https://cityloop.io/problems/payload-too-large\",\"title\":\"Payload too large\","
                + "\"status\":413,\"detail\":\"body: must be at most " + limit + " bytes\",\"instance\":\""
                + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errors\":[{\"field\":"
                + "\"body\",\"rule\":\"max-size\",\"message\":\"must be at most " + limit + " bytes\"}]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
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
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
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
