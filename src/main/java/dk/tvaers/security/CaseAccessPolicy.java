package dk.tvaers.security;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.InvolvementStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see which citizen, in one place. Jobcentre staff see the jobcentre's cases; another
 * department sees a case only while it is INVOLVED and a valid consent covers it; everyone else
 * (leaders, process owners) sees no citizen. Queries use {@link #visibility}; single reads use
 * {@link #canSee}; both apply the same rule.
 */
@Component
public class CaseAccessPolicy {

    static final String ADMIN_GROUP = "camunda-admin";

    private final Clock clock;

    CaseAccessPolicy(Clock clock) {
        this.clock = clock;
    }

    public CaseVisibility visibility(CurrentUser user) {
        if (user.isMemberOf(Department.JOBCENTER.name()) || user.isMemberOf(ADMIN_GROUP)) {
            return CaseVisibility.allCases();
        }
        Set<Department> departments = EnumSet.noneOf(Department.class);
        for (Department department : Department.values()) {
            if (department != Department.JOBCENTER && user.isMemberOf(department.name())) {
                departments.add(department);
            }
        }
        return departments.isEmpty() ? CaseVisibility.noCases() : CaseVisibility.departments(departments, LocalDate.now(clock));
    }

    public boolean canSee(CurrentUser user, CaseFile caseFile) {
        CaseVisibility visibility = visibility(user);
        if (visibility.everyCase()) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        boolean minor = caseFile.ageOn(today) < 18;
        return visibility.departments().stream().anyMatch(department ->
                caseFile.department(department).map(d -> d.status() == InvolvementStatus.INVOLVED).orElse(false)
                        && caseFile.consents().stream().anyMatch(c -> c.isValidOn(today) && c.covers(department)
                        // Under 18 only the custody holder's consent shares the case.
                        && (!minor || c.givenBy() == ConsentGiver.CUSTODY_HOLDER)));
    }
}
