package io.cityloop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A body is capped whether its size is declared or it comes chunked, before anything parses it. */
class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(1024, 4096);

    @Test
    void aDeclaredSizeAboveTheLimitIsRefused413BeforeTheBodyIsRead() throws Exception {
        MockHttpServletRequest request = json(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> passed.set((HttpServletRequest) req));

        assertThat(passed.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"field\":\"body\"", "\"rule\":\"max-size\"");
    }

    @Test
    void aChunkedBodyStopsAtTheLimitWhileItIsRead() throws Exception {
        MockHttpServletRequest request = chunked(new byte[5000]);
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set((HttpServletRequest) req));

        assertThatThrownBy(() -> passed.get().getInputStream().readAllBytes())
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aBodyWithinTheLimitReadsWhole() throws Exception {
        MockHttpServletRequest request = chunked(new byte[1024]);
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set((HttpServletRequest) req));

        assertThat(passed.get().getInputStream().readAllBytes()).hasSize(1024);
    }

    @Test
    void uploadsHaveTheirOwnLimit() throws Exception {
        MockHttpServletRequest request = json(new byte[3000]);
        request.setContentType("multipart/form-data; boundary=x");
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set((HttpServletRequest) req));

        assertThat(passed.get()).isNotNull();
    }

    /** No Content-Length: the size is known only by reading. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/public/reports") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContentType("application/json");
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body);
        return request;
    }

    private static MockHttpServletRequest json(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/public/reports");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }
}
