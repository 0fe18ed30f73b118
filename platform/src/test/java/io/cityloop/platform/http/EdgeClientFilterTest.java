package io.cityloop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who is calling is believed only from the gateway, which proves itself with the shared edge secret. */
class EdgeClientFilterTest {

    @Test
    void theClientHeaderOfACallerAroundTheGatewayIsDropped() throws Exception {
        assertThat(clientSeen(new EdgeClientFilter("s3cret"), null)).isNull();
        assertThat(clientSeen(new EdgeClientFilter("s3cret"), "guess")).isNull();
    }

    @Test
    void theGatewaysClientHeaderIsBelieved() throws Exception {
        assertThat(clientSeen(new EdgeClientFilter("s3cret"), "s3cret")).isEqualTo("198.51.100.7");
    }

    @Test
    void withoutASecretTheHeaderIsNeverBelieved() throws Exception {
        assertThat(clientSeen(new EdgeClientFilter(""), "")).isNull();
        assertThat(clientSeen(new EdgeClientFilter(null), null)).isNull();
    }

    private static String clientSeen(EdgeClientFilter filter, String edge) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/public/reports");
        request.addHeader(EdgeClientFilter.CLIENT_HEADER, "198.51.100.7");
        if (edge != null) {
            request.addHeader(EdgeClientFilter.EDGE_HEADER, edge);
        }
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set((HttpServletRequest) req));
        return passed.get().getHeader(EdgeClientFilter.CLIENT_HEADER);
    }
}
