package dk.tvaers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: the headers every answer carries ({@link Problems#BASELINE_HEADERS}),
 * set before anything can refuse the request; no answer but 503 until the application is ready (the
 * demo's cases seeded, with the engine's clock moved back while it walks them), except the health
 * probes; the client address that password checks made while the request runs are counted for
 * ({@link LoginThrottle}); and 503, not 500, when the database is out of reach ({@link DatabaseUnavailable}).
 */
class RequestBaseline extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBaseline.class);

    private final ApplicationAvailability availability;

    RequestBaseline(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Problems.BASELINE_HEADERS.forEach(response::setHeader);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC && !path.startsWith("/actuator/health")) {
            response.setHeader("Retry-After", "5");
            Problems.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Problems.danishDetail(HttpServletResponse.SC_SERVICE_UNAVAILABLE));
            return;
        }
        try {
            LoginThrottle.withClient(request.getRemoteAddr(), () -> chain.doFilter(request, response));
        } catch (Exception e) {
            if (DatabaseUnavailable.causedBy(e) && !response.isCommitted()) {
                unavailable(path, response, e);
                return;
            }
            if (e instanceof ServletException servlet) {
                throw servlet;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ServletException(e);
        }
    }

    /**
     * The database went away under the request (before or during its transaction, in the login's password check or
     * in the session's store): 503 with {@code Retry-After}, problem+json for the API and the engine's doors, the
     * error page for a page.
     */
    private static void unavailable(String path, HttpServletResponse response, Exception e) throws IOException {
        log.warn("Databasen svarer ikke; svaret er 503: {}", e.toString());
        response.resetBuffer();
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER);
        if (path.startsWith("/api") || path.startsWith("/engine-rest") || path.startsWith("/camunda/api") || path.startsWith("/actuator")) {
            Problems.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
        } else {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }
}
