package dk.tvaers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: the headers every answer carries ({@link Problems#BASELINE_HEADERS}),
 * set before anything can refuse the request; no answer but 503 until the application is ready (the
 * demo's cases seeded, with the engine's clock moved back while it walks them), except the health
 * probes; and the client address that password checks made while the request runs are counted for
 * ({@link LoginThrottle}).
 */
class RequestBaseline extends OncePerRequestFilter {

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
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
