package dk.tvaers.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outer door of the engine's REST API and webapps, in front of the engine's own authorization
 * checks ({@link EngineGrants}). {@code /engine-rest} takes HTTP Basic on every path (also
 * {@code /engine-rest/engine}, which the engine would answer anonymously) and only from
 * administrators and process owners; a webapp's login takes only the groups the grant table lets
 * into that webapp, with a Danish answer instead of the engine's bare 403.
 */
class EngineAccessFilter extends OncePerRequestFilter {

    static final Set<String> ENGINE_REST_GROUPS = Set.of(EngineGrants.ADMINISTRATORS, EngineGrants.PROCESS_OWNERS);

    private final IdentityService identity;
    private final LoginThrottle throttle;

    EngineAccessFilter(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/engine-rest")) {
            String user = basicUser(request);
            if (user == null) {
                String tried = basicUserName(request);
                String detail = tried != null && !throttle.blockedFor(LoginThrottle.currentClient(), tried).isZero()
                        ? "For mange forkerte adgangskoder fra din adresse; prøv igen om lidt"
                        : "Log ind med HTTP Basic (brugernavn og adgangskode)";
                Problems.write(response, HttpStatus.UNAUTHORIZED.value(), detail);
                return;
            }
            Set<String> groups = groupsOfUser(user);
            if (groups.stream().noneMatch(ENGINE_REST_GROUPS::contains)) {
                Problems.write(response, HttpStatus.FORBIDDEN.value(), "Kun administratorer og procesejere har adgang til motorens REST-API");
                return;
            }
            if (changesJobs(request, path.substring("/engine-rest".length())) && !groups.contains(EngineGrants.ADMINISTRATORS)) {
                Problems.write(response, HttpStatus.FORBIDDEN.value(), JOBS_ONLY_ADMINISTRATORS);
                return;
            }
        } else if (path.startsWith("/camunda/api/engine/engine/")) {
            // The webapps' engine API, for the user of the session.
            String rest = path.substring("/camunda/api/engine/engine/".length());
            int slash = rest.indexOf('/');
            if (slash > 0 && changesJobs(request, rest.substring(slash)) && !webappAdministrator(request)) {
                Problems.write(response, HttpStatus.FORBIDDEN.value(), JOBS_ONLY_ADMINISTRATORS);
                return;
            }
        } else if (path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/")) {
            String app = path.substring(path.lastIndexOf('/') + 1);
            String user = request.getParameter("username");
            if (user != null && groupsOfUser(user).stream().noneMatch(groupsOf(app)::contains)) {
                Problems.write(response, HttpStatus.FORBIDDEN.value(), "Din bruger har ikke adgang til Camunda " + safeApp(app) + "; brug Tværs");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static final String JOBS_ONLY_ADMINISTRATORS = "Kun administratorer kan køre og ændre motorens jobs";

    /**
     * Running or changing a job (execute, retries, due date, suspension, priority). The engine checks
     * these only for jobs of a process definition: its own jobs (history cleanup) it runs for anyone it
     * lets in, so this door keeps them for administrators.
     */
    static boolean changesJobs(HttpServletRequest request, String enginePath) {
        return !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod())
                && (enginePath.equals("/job") || enginePath.startsWith("/job/") || enginePath.startsWith("/job-definition/"));
    }

    /** True when the Camunda webapp session of the request is logged in as an administrator. */
    private static boolean webappAdministrator(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null && authentications.getAuthentications().stream()
                .anyMatch(a -> a.getGroupIds() != null && a.getGroupIds().contains(EngineGrants.ADMINISTRATORS));
    }

    /** The welcome page is for anyone let into one of the webapps. */
    private static Set<String> groupsOf(String app) {
        if ("welcome".equals(app)) {
            return Set.of("cockpit", "tasklist", "admin").stream()
                    .flatMap(a -> EngineGrants.groupsOfApplication(a).stream()).collect(Collectors.toUnmodifiableSet());
        }
        return EngineGrants.groupsOfApplication(app);
    }

    private static String safeApp(String app) {
        return Set.of("cockpit", "tasklist", "admin", "welcome").contains(app) ? app : "-appen";
    }

    private String basicUser(HttpServletRequest request) {
        String[] credentials = basicCredentials(request);
        return credentials != null && identity.checkPassword(credentials[0], credentials[1]) ? credentials[0] : null;
    }

    private static String basicUserName(HttpServletRequest request) {
        String[] credentials = basicCredentials(request);
        return credentials == null ? null : credentials[0];
    }

    private static String[] basicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Set<String> groupsOfUser(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(group -> group.getId()).collect(Collectors.toSet());
    }
}
