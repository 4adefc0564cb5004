package dk.tvaers.rules;

import java.time.LocalDate;

/** A department's place in the case: SUGGESTED, INVOLVED or DECLINED. */
public record DepartmentFact(String department, String name, String status, LocalDate suggestedOn, LocalDate decidedOn) {
}
