package dk.tvaers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the engine's own doors for the people who run the engine. The REST API at
 * {@code /engine-rest} and the Cockpit and Admin webapps show every process instance of every
 * case without Tværs's consent policy, so only {@code camunda-admin} and {@code process-owners} get
 * in; Tasklist also lets the jobcentre's coordinating staff in (they may see every case anyway).
 * Department staff and leaders use Tværs, where consent decides what they see.
 */
class EngineAccessFilter extends OncePerRequestFilter {

    static final Set<String> ENGINE_GROUPS = Set.of("camunda-admin", "process-owners");
    static final Set<String> TASKLIST_GROUPS = Set.of("camunda-admin", "JOBCENTER");

    private final IdentityService identity;

    EngineAccessFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/engine-rest/")) {
            String user = basicUser(request);
            // No or wrong credentials: Camunda's own filter answers 401 after this one.
            if (user != null && !memberOfAny(user, ENGINE_GROUPS)) {
                refuse(response, "Kun administratorer og procesejere har adgang til motorens REST-API");
                return;
            }
        } else if (path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/")) {
            String app = path.substring(path.lastIndexOf('/') + 1);
            String user = request.getParameter("username");
            Set<String> allowed = "tasklist".equals(app) ? TASKLIST_GROUPS : ENGINE_GROUPS;
            if (user != null && !memberOfAny(user, allowed)) {
                refuse(response, "Din bruger har ikke adgang til Camunda " + app + "; brug Tværs");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String user = decoded.substring(0, colon);
            return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean memberOfAny(String user, Set<String> groups) {
        return groups.stream().anyMatch(group -> identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0);
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + detail + "\"}");
    }
}
