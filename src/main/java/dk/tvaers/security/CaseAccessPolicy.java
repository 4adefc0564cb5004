package dk.tvaers.security;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.CaseVisibility;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.InvolvementStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see which citizen, in one place. Jobcentre staff see the jobcentre's cases; another
 * department sees a case only while it is INVOLVED and a valid consent covers it; everyone else
 * (leaders, process owners) sees no citizen. Single reads use {@link #canSee}; lists put
 * {@link #sql} of the caller's {@link #visibility} into their query, so paging counts only what the
 * caller may see. Both forms apply the same rule ({@code CaseAccessAgreementTests} holds them to it).
 */
@Component
public class CaseAccessPolicy {

    /** The administrators: the engine's admin group, who see and change every case. */
    public static final String ADMIN_GROUP = EngineGrants.ADMINISTRATORS;

    private final Clock clock;
    private final CaseFiles caseFiles;

    CaseAccessPolicy(Clock clock, CaseFiles caseFiles) {
        this.clock = clock;
        this.caseFiles = caseFiles;
    }

    /**
     * The case, when the user may see it; otherwise {@link NotVisibleException}, answered exactly as a case
     * that does not exist. Every read through here is marked for the audit trail, refused ones too.
     */
    public CaseFile visibleCase(String id, CurrentUser user) {
        CasesShown.mark(List.of(id));
        return caseFiles.find(id).filter(caseFile -> canSee(user, caseFile)).orElseThrow(NotVisibleException::new);
    }

    public CaseVisibility visibility(CurrentUser user) {
        if (canChange(user)) {
            // Who changes every case sees every case.
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

    /**
     * Changing a case (its flags, departments, consents, efforts, agreements and meetings) is the
     * jobcentre's work, the coordinating caseworker's hub, and the administrators'.
     */
    public boolean canChange(CurrentUser user) {
        return user.isMemberOf(Department.JOBCENTER.name()) || user.isMemberOf(ADMIN_GROUP);
    }

    /** As {@link #canChange}, refusing with 403 and the Danish reason. */
    public void requireChange(CurrentUser user) {
        requireChange(user, "Kun jobcentrets medarbejdere kan ændre sagen");
    }

    /** As {@link #canChange}, refusing with the given Danish reason. */
    public void requireChange(CurrentUser user, String reason) {
        if (!canChange(user)) {
            throw new AccessDeniedException(reason);
        }
    }

    /** A condition of a query's where clause, with its named parameters. */
    public record SqlCondition(String sql, Map<String, Object> params) {}

    /**
     * The visibility as SQL over the case file's tables, for a query whose {@code case_file} row is
     * called {@code c}: empty for every case. (A caller who sees nothing is answered before any query.)
     */
    public static SqlCondition sql(CaseVisibility visibility) {
        if (visibility.everyCase()) {
            return new SqlCondition("", Map.of());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("visibleDepartments", visibility.departments().stream().map(Enum::name).toList());
        params.put("visibleOn", visibility.on());
        // Under 18 only the custody holder's consent shares the case.
        params.put("adultBornBy", visibility.on().minusYears(18));
        return new SqlCondition(" " + """
                 and exists (select 1 from case_department d
                             join consent k on k.case_id = d.case_id
                             join consent_department kd on kd.consent_id = k.id and kd.department = d.department
                             where d.case_id = c.id and d.status = 'INVOLVED' and d.department in (:visibleDepartments)
                               and k.given_on <= :visibleOn and (k.withdrawn_on is null or k.withdrawn_on > :visibleOn)
                               and (c.birth_date <= :adultBornBy or k.given_by = 'CUSTODY_HOLDER'))""", params);
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
