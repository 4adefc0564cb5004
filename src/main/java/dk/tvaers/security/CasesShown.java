package dk.tvaers.security;

import java.util.Collection;
import java.util.List;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The cases the current request showed, or tried to show: marked where they are read ({@link
 * CaseAccessPolicy#visibleCase}, a list), recorded by the audit trail when the request is answered.
 */
public final class CasesShown {

    /** The request attribute the audit reads. */
    public static final String ATTRIBUTE = CasesShown.class.getName();

    private CasesShown() {
    }

    public static void mark(Collection<String> caseIds) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            servlet.getRequest().setAttribute(ATTRIBUTE, List.copyOf(caseIds));
        }
    }
}
