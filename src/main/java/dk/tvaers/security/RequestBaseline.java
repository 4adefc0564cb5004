package dk.tvaers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: the headers every answer carries ({@link Problems#BASELINE_HEADERS}),
 * set before anything can refuse the request, and the client address that password checks made while
 * the request runs are counted for ({@link LoginThrottle}).
 */
class RequestBaseline extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Problems.BASELINE_HEADERS.forEach(response::setHeader);
        try {
            LoginThrottle.withClient(request.getRemoteAddr(), () -> chain.doFilter(request, response));
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
