package dk.tvaers.casefile;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which cases a caller may see, as the access policy decided it: every case, none, or those where
 * one of the given departments is INVOLVED and covered by a consent valid on {@code on}.
 */
public record CaseVisibility(boolean everyCase, Set<Department> departments, LocalDate on) {

    public CaseVisibility {
        departments = Set.copyOf(departments);
    }

    public static CaseVisibility allCases() {
        return new CaseVisibility(true, Set.of(), null);
    }

    public static CaseVisibility noCases() {
        return new CaseVisibility(false, Set.of(), null);
    }

    public static CaseVisibility departments(Set<Department> departments, LocalDate on) {
        return new CaseVisibility(false, departments, on);
    }

    public boolean seesNothing() {
        return !everyCase && departments.isEmpty();
    }
}
