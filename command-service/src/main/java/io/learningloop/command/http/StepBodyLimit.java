package io.learningloop.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses a request body over {@link StepBodyProperties#maxBody()} with a {@code body-too-large} problem
 * (413) before it is read whole: at once by its {@code Content-Length}, or, for a body without one
 * (chunked), as soon as one byte more than the limit has arrived. A body within the limit is handed on
 * as read, so no reader after this one (Jackson) ever sees more. Bulk files have their own limits
 * ({@link BulkImportProperties}).
 */
@Component
class StepBodyLimit extends OncePerRequestFilter {

    static final String BULK_PATH = "/steps/bulk";

    private final int maxBody;
    private final ObjectMapper json;

    StepBodyLimit(StepBodyProperties limits, ObjectMapper json) {
        this.maxBody = Math.toIntExact(limits.maxBody().toBytes());
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // -1 is a body of unknown length (chunked; Tomcat need not show the header) or none at all,
        // which costs nothing to read.
        boolean mayHaveBody = request.getContentLengthLong() != 0;
        return !mayHaveBody || BULK_PATH.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBody) {
            refuse(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = (ProblemDetail) Problems.problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "body-too-large",
                        "Body too large",
                        "the body is larger than " + maxBody + " bytes (learning-loop.steps.max-body); many steps"
                                + " go to POST " + BULK_PATH + ", one per line",
                        List.of())
                .getBody();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType("application/problem+json");
        // The rest of an oversized body is not read: the connection cannot be reused for another request.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The request with its body already read (within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException unknownCharset) {
                // Read as UTF-8, which a JSON body is (RFC 8259); the reader reports what it cannot read.
            }
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
