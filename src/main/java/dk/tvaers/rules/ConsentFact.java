package dk.tvaers.rules;

import java.time.LocalDate;
import java.util.Set;

/** A consent valid on the day of evaluation: who gave it and which departments it covers. */
public record ConsentFact(String givenBy, Set<String> departments, LocalDate givenOn) {

    public ConsentFact {
        departments = Set.copyOf(departments);
    }

    public boolean covers(String department) {
        return departments.contains(department);
    }
}
