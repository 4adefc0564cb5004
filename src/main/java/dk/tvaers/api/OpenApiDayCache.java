package dk.tvaers.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The served OpenAPI document, built once a day. Its "not after today" patterns carry the day, so
 * springdoc's own cache (built once, kept for ever) is off; without this the public document would
 * be built anew for every request, 0.3–0.5 s of work that anyone could ask for in a loop.
 */
class OpenApiDayCache extends OncePerRequestFilter {

    private record Answer(LocalDate day, String contentType, byte[] body) {}

    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    OpenApiDayCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI() + "?" + request.getQueryString();
        LocalDate today = LocalDate.now(clock);
        Answer cached = answers.get(key);
        if (cached == null || !cached.day().equals(today)) {
            ContentCachingResponseWrapper built = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, built);
            if (built.getStatus() != HttpServletResponse.SC_OK) {
                built.copyBodyToResponse();
                return;
            }
            cached = new Answer(today, built.getContentType(), built.getContentAsByteArray());
            if (answers.size() < 20) {
                answers.put(key, cached);
            }
            built.copyBodyToResponse();
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(cached.contentType());
        response.setContentLength(cached.body().length);
        response.getOutputStream().write(cached.body());
    }
}
