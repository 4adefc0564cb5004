package dk.tvaers.web;

import dk.tvaers.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two rules for every {@code /api/**} request, before any controller reads it: a body larger than
 * {@code tvaers.api.max-body-size} is refused (413, whether its length is declared or not), and a
 * query parameter with an empty value counts as absent ({@code ?stage=&alarm=} is the same as no
 * filter), for every parameter of every endpoint.
 */
@Component
public class ApiRequestLimits extends OncePerRequestFilter {

    private final long maxBody;

    ApiRequestLimits(@Value("${tvaers.api.max-body-size:256KB}") DataSize maxBody) {
        this.maxBody = maxBody.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBody) {
            Problems.write(response, 413, Problems.danishDetail(413));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBody), response);
    }

    /** True when reading the body failed because it was larger than allowed. */
    public static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("Anmodningen er for stor");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long max;
        private final Map<String, String[]> parameters;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
            Map<String, String[]> present = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                String[] kept = java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toArray(String[]::new);
                if (kept.length > 0) {
                    present.put(name, kept);
                }
            });
            this.parameters = Collections.unmodifiableMap(present);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream body = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
