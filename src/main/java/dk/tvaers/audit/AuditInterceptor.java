package dk.tvaers.audit;

import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CprMasking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every authenticated call of the case and task API in the audit trail after it is
 * answered: the user, the case (from the path, or the cases a list showed), the endpoint and the
 * HTTP status. Refused and failed calls are recorded too.
 */
class AuditInterceptor implements HandlerInterceptor {

    private final AuditTrail trail;

    AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // An unmatched path is the caller's text: anything CPR-like in it is masked before it is stored.
        String action = request.getMethod() + " " + (pattern != null ? pattern : CprMasking.mask(request.getRequestURI()));
        List<String> caseIds = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        Object shown = request.getAttribute(CasesShown.ATTRIBUTE);
        if (shown instanceof Collection<?> ids) {
            ids.forEach(id -> sort(String.valueOf(id), caseIds, typed));
        } else {
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            if (variables instanceof Map<?, ?> map && map.get("id") != null && action.contains("/api/cases/{id}")) {
                sort(String.valueOf(map.get("id")), caseIds, typed);
            }
        }
        if (!typed.isEmpty()) {
            // Not a case's id (a user name, a CPR number typed into the path): the case column stays for cases, and what
            // was asked for is kept with the action, masked.
            action = action + " (id: " + String.join(", ", typed) + ")";
        }
        trail.record(auth.getName(), caseIds, action, String.valueOf(response.getStatus()));
    }

    /** A case id goes to the case column; anything else a caller put there is kept masked and cut short. */
    private static void sort(String id, List<String> caseIds, List<String> typed) {
        if (CASE_ID.matcher(id).matches()) {
            caseIds.add(id);
        } else {
            typed.add(caseIdOrMasked(id));
        }
    }

    /**
     * What a caller put where a case id belongs is stored as it came only when it has the shape of a
     * case id; anything else (a CPR number typed into the path) is stored masked and cut short.
     */
    static String caseIdOrMasked(String id) {
        if (CASE_ID.matcher(id).matches()) {
            return id;
        }
        String masked = CprMasking.mask(id);
        return masked.length() > 40 ? masked.substring(0, 40) + "…" : masked;
    }

    private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
}
